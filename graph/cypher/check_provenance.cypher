// name: check_provenance
// description: Counts that must stay 0 or be curated: facts without evidence, links without documents, incomplete sources, unlinked actors.
// params: none
RETURN
  COUNT { (f:Event) WHERE NOT EXISTS { (f)-[:EVIDENCED_BY]->(:Passage) } }
  + COUNT { (f:Agreement) WHERE NOT EXISTS { (f)-[:EVIDENCED_BY]->(:Passage) } }
  + COUNT { (f:Friction) WHERE NOT EXISTS { (f)-[:EVIDENCED_BY]->(:Passage) } }
  + COUNT { (f:Constraint) WHERE NOT EXISTS { (f)-[:EVIDENCED_BY]->(:Passage) } }
  + COUNT { (f:Indicator) WHERE NOT EXISTS { (f)-[:EVIDENCED_BY]->(:Passage) } }
  + COUNT { (f:Stance) WHERE NOT EXISTS { (f)-[:EVIDENCED_BY]->(:Passage) } } AS facts_without_evidence,
  COUNT { (e) WHERE (e:Actor OR e:Topic OR e:Item)
          AND NOT EXISTS { (e)<-[:MENTIONS]-(:Passage) }
          AND NOT EXISTS { (e)-[r]-() WHERE size(coalesce(r.docs, [])) > 0 } } AS entities_without_support,
  COUNT { ()-[r:PARTICIPATED_IN|PARTY_TO|CONCERNS|ABOUT|BETWEEN|INVOLVES_THIRD_PARTY|CONSTRAINS|IMPOSED_BY|OFFICIAL_OF|STATED_IN|CHARACTERIZES|MEASURES]->()
          WHERE size(coalesce(r.docs, [])) = 0 } AS links_without_documents,
  COUNT { (s:Source) WHERE coalesce(s.complete, false) = false } AS incomplete_sources,
  COUNT { (a:Actor) WHERE a.linked = false } AS unlinked_actors

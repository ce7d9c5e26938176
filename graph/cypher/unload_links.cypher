// name: unload_links
// description: Remove the given documents from the `docs` of the links they state; delete links no document supports any more.
// params: $facts, $entities — element ids from unload_collect_facts / unload_collect_entities; $docs — document ids
CALL () {
  MATCH (f)
  WHERE elementId(f) IN $facts
  MATCH (f)-[r]-()
  WHERE any(d IN coalesce(r.docs, []) WHERE d IN $docs)
  RETURN r
  UNION
  MATCH (e)
  WHERE elementId(e) IN $entities
  MATCH (e)-[r:OFFICIAL_OF|ABOUT]->()
  WHERE any(d IN coalesce(r.docs, []) WHERE d IN $docs)
  RETURN r
}
SET r.docs = [d IN r.docs WHERE NOT d IN $docs]
WITH r
WHERE size(r.docs) = 0
DELETE r

// name: unload_collect_ends
// description: Element ids of the nodes at the other end of links the given documents state.
// params: $facts, $entities — element ids from unload_collect_facts / unload_collect_entities; $docs — document ids
// Every link has a fact end, or is an entity's own typed link (OFFICIAL_OF, an item ABOUT a topic):
// reading those never walks all the relationships of a dense actor.
CALL () {
  MATCH (f)
  WHERE elementId(f) IN $facts
  MATCH (f)-[r]-(m)
  WHERE any(d IN coalesce(r.docs, []) WHERE d IN $docs)
  RETURN m
  UNION
  MATCH (e)
  WHERE elementId(e) IN $entities
  MATCH (e)-[r:OFFICIAL_OF|ABOUT]->(m)
  WHERE any(d IN coalesce(r.docs, []) WHERE d IN $docs)
  RETURN m
}
RETURN collect(DISTINCT elementId(m)) AS ids

// name: unload_sources
// description: Delete the Source nodes of the given documents (and any passage still attached).
// params: $docs — document ids
MATCH (s:Source)
WHERE s.id IN $docs
OPTIONAL MATCH (s)-[:HAS_PASSAGE]->(p:Passage)
DETACH DELETE p, s

// name: unload_collect_entities
// description: Element ids of the actors, topics and items that passages of the given documents mention.
// params: $docs — document ids
MATCH (p:Passage)-[:MENTIONS]->(e)
WHERE p.doc IN $docs
RETURN collect(DISTINCT elementId(e)) AS ids

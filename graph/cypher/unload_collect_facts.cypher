// name: unload_collect_facts
// description: Element ids of the facts that passages of the given documents evidence.
// params: $docs — document ids
MATCH (p:Passage)<-[:EVIDENCED_BY]-(f)
WHERE p.doc IN $docs
RETURN collect(DISTINCT elementId(f)) AS ids

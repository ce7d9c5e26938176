// name: unload_collect
// description: Element ids of the nodes a set of documents touches: facts and entities their passages evidence or mention, and the other ends of links they state.
// params: $docs — document ids
MATCH (p:Passage)
WHERE p.doc IN $docs
MATCH (p)-[:EVIDENCED_BY|MENTIONS]-(n)
WITH DISTINCT n
OPTIONAL MATCH (n)-[r]-(m)
WHERE any(d IN coalesce(r.docs, []) WHERE d IN $docs)
WITH collect(DISTINCT elementId(n)) + collect(DISTINCT elementId(m)) AS ids
RETURN [i IN ids WHERE i IS NOT NULL] AS ids

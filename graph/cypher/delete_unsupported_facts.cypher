// name: delete_unsupported_facts
// description: Delete, among the given nodes, the facts that have no EVIDENCED_BY left (with their links).
// params: $ids — element ids of the facts, entities and link ends the documents touched
MATCH (n)
WHERE elementId(n) IN $ids
  AND (n:Event OR n:Agreement OR n:Friction OR n:Constraint OR n:Indicator OR n:Stance)
  AND NOT EXISTS { (n)-[:EVIDENCED_BY]->(:Passage) }
DETACH DELETE n

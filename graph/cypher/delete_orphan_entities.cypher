// name: delete_orphan_entities
// description: Delete, among the given nodes, actors, topics and items that no passage mentions and no document-backed link touches.
// params: $ids — element ids of the facts, entities and link ends the documents touched
MATCH (n)
WHERE elementId(n) IN $ids
  AND (n:Actor OR n:Topic OR n:Item)
  AND NOT EXISTS { (n)<-[:MENTIONS]-(:Passage) }
  AND NOT EXISTS { (n)-[r]-() WHERE size(coalesce(r.docs, [])) > 0 }
DETACH DELETE n

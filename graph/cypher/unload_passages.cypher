// name: unload_passages
// description: Delete the passages of the given documents with their EVIDENCED_BY, MENTIONS and HAS_PASSAGE relationships.
// params: $docs — document ids
MATCH (p:Passage)
WHERE p.doc IN $docs
DETACH DELETE p

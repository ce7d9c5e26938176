// name: unload_links
// description: Remove the given documents from the `docs` of links around the given nodes; delete links no document supports any more.
// params: $ids — element ids from unload_collect; $docs — document ids
MATCH (n)
WHERE elementId(n) IN $ids
MATCH (n)-[r]-()
WHERE any(d IN coalesce(r.docs, []) WHERE d IN $docs)
WITH DISTINCT r
SET r.docs = [d IN r.docs WHERE NOT d IN $docs]
WITH r
WHERE size(r.docs) = 0
DELETE r

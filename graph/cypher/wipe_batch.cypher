// Delete up to $batch nodes with their relationships; callers repeat until `deleted` is 0.
// Batches keep each transaction small on large graphs.
MATCH (n)
WITH n LIMIT $batch
DETACH DELETE n
RETURN count(*) AS deleted

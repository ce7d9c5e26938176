// name: wipe_relationships_batch
// description: Delete up to $batch relationships; callers repeat until `deleted` is 0, then delete the nodes (a dense node never needs one huge transaction).
// params: $batch — relationships per transaction
MATCH ()-[r]->()
WITH r LIMIT $batch
DELETE r
RETURN count(*) AS deleted

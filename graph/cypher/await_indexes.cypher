// Block until every index is online (or $seconds pass), so queries right after apply use them.
CALL db.awaitIndexes($seconds)

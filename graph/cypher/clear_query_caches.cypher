// name: clear_query_caches
// description: Drop cached query plans, so the write statements are planned again on a graph that is no longer empty.
// params: none
CALL db.clearQueryCaches()

// name: ping
// description: A trivial read, run once on the configured database to tell at start whether it exists and is online.
// params: none
RETURN 1 AS ok

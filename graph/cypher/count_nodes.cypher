// How many nodes the graph holds (tests check that data persists across restarts).
MATCH (n)
RETURN count(n) AS nodes

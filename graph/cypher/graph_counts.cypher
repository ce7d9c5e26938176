// How big the graph is, for the benchmarks' tables: documents (Source), passages and fact nodes.
MATCH (s:Source) WITH count(s) AS sources
MATCH (p:Passage) WITH sources, count(p) AS passages
OPTIONAL MATCH (f) WHERE f:Event OR f:Agreement OR f:Friction OR f:Constraint OR f:Indicator OR f:Stance
RETURN sources, passages, count(f) AS facts

// name: count_relationships_total
// description: Number of relationships in the graph (count store), to tell whether plans were made on an (almost) empty graph.
// params: none
RETURN COUNT { ()-[]->() } AS relationships

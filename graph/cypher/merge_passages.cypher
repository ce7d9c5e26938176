// name: merge_passages
// description: Create or update Passage nodes and link each to its Source with HAS_PASSAGE.
// params: $rows — [{id, doc, props}]
UNWIND $rows AS row
MATCH (s:Source {id: row.doc})
MERGE (p:Passage {id: row.id})
SET p += row.props
MERGE (s)-[:HAS_PASSAGE]->(p)

// name: create_passages
// description: Create Passage nodes linked to their Source by HAS_PASSAGE (the writer unloads an older version of the document first).
// params: $rows — [{id, doc, props}]
UNWIND $rows AS row
MATCH (s:Source {id: row.doc})
CREATE (s)-[:HAS_PASSAGE]->(p:Passage {id: row.id})
SET p += row.props

// name: merge_entity_links
// description: Create or update links between two entities (a person's OFFICIAL_OF a state, an item ABOUT a topic), adding the stating document to `docs` (kept sorted, so the list does not depend on load order).
// params: $rows — [{type, a, b, doc, props, key}]: type OFFICIAL_OF (one per office: `key` = role|from) or ABOUT; a and b element ids from merge_nodes
// Static types here: both ends can have tens of thousands of relationships, and a typed MERGE
// only reads the relationships of that type.
UNWIND $rows AS row
MATCH (a)
WHERE elementId(a) = row.a
MATCH (b)
WHERE elementId(b) = row.b
CALL (row, a, b) {
  WITH row WHERE row.type = 'OFFICIAL_OF'
  MERGE (a)-[r:OFFICIAL_OF {key: row.key}]->(b)
  RETURN r
  UNION ALL
  WITH row WHERE row.type = 'ABOUT'
  MERGE (a)-[r:ABOUT]->(b)
  RETURN r
}
SET r += row.props,
    r.docs = COLLECT { UNWIND coalesce(r.docs, []) + row.doc AS d RETURN DISTINCT d ORDER BY d }

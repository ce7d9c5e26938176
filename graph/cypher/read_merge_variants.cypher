// name: read_merge_variants
// description: The document variants (record JSON, parallel to merge_keys) of fact and entity nodes given by label and id.
// params: $rows — [{label, id}]
UNWIND $rows AS row
CALL (row) {
  MATCH (n:Actor {id: row.id}) WHERE row.label = 'Actor' RETURN n
  UNION ALL
  MATCH (n:Topic {id: row.id}) WHERE row.label = 'Topic' RETURN n
  UNION ALL
  MATCH (n:Item {id: row.id}) WHERE row.label = 'Item' RETURN n
  UNION ALL
  MATCH (n:Event {id: row.id}) WHERE row.label = 'Event' RETURN n
  UNION ALL
  MATCH (n:Agreement {id: row.id}) WHERE row.label = 'Agreement' RETURN n
  UNION ALL
  MATCH (n:Friction {id: row.id}) WHERE row.label = 'Friction' RETURN n
  UNION ALL
  MATCH (n:Constraint {id: row.id}) WHERE row.label = 'Constraint' RETURN n
  UNION ALL
  MATCH (n:Indicator {id: row.id}) WHERE row.label = 'Indicator' RETURN n
  UNION ALL
  MATCH (n:Stance {id: row.id}) WHERE row.label = 'Stance' RETURN n
}
RETURN row.label AS label, row.id AS id, coalesce(n.merge_keys, []) AS keys, coalesce(n.merge_variants, []) AS variants

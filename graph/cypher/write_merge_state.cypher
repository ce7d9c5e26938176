// name: write_merge_state
// description: Store each node's document variants with their counts and, when the set of variants changed, the merged record's properties and actor type label.
// params: $rows — [{label, id, keys, counts, variants, props, relabel, extra_labels}]: variants null, props {} and relabel false when the set of variants is unchanged; $type_labels — every actor type label
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
SET n.merge_keys = row.keys, n.merge_counts = row.counts, n.merge_variants = coalesce(row.variants, n.merge_variants)
SET n += row.props
WITH n, row, [l IN labels(n) WHERE row.relabel AND l IN $type_labels AND NOT l IN row.extra_labels] AS stale
REMOVE n:$(stale)
SET n:$(CASE WHEN row.relabel THEN row.extra_labels ELSE [] END)

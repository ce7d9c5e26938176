// name: merge_nodes
// description: Create fact and entity nodes (properties and actor type label only when new: merge_state keeps the merged record of existing ones), EVIDENCED_BY to passages (facts), MENTIONS from passages (entities); return each node's element id for merge_links.
// params: $rows — [{label, id, doc, props, extra_labels, evidence: [{passage, start, end, props}], mentions: [{passage, props}]}]; $type_labels — every actor type label
// The label of each MERGE is static (one branch per record label) so the id constraint serves every lookup;
// replan=skip because this statement takes about a second to plan, and a MERGE on a uniquely
// constrained property is planned as a unique index seek whatever the statistics say.
// Passages are new in the transaction (an older version of the document is unloaded first), so their
// relationships are created, never merged: no scan of a dense actor's relationships.
CYPHER replan=skip
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.label = 'Actor' MERGE (n:Actor {id: row.id}) RETURN n
  UNION ALL
  WITH row WHERE row.label = 'Topic' MERGE (n:Topic {id: row.id}) RETURN n
  UNION ALL
  WITH row WHERE row.label = 'Item' MERGE (n:Item {id: row.id}) RETURN n
  UNION ALL
  WITH row WHERE row.label = 'Event' MERGE (n:Event {id: row.id}) RETURN n
  UNION ALL
  WITH row WHERE row.label = 'Agreement' MERGE (n:Agreement {id: row.id}) RETURN n
  UNION ALL
  WITH row WHERE row.label = 'Friction' MERGE (n:Friction {id: row.id}) RETURN n
  UNION ALL
  WITH row WHERE row.label = 'Constraint' MERGE (n:Constraint {id: row.id}) RETURN n
  UNION ALL
  WITH row WHERE row.label = 'Indicator' MERGE (n:Indicator {id: row.id}) RETURN n
  UNION ALL
  WITH row WHERE row.label = 'Stance' MERGE (n:Stance {id: row.id}) RETURN n
}
WITH n, row, n.merge_keys IS NULL AS fresh
SET n += CASE WHEN fresh THEN row.props ELSE {} END
WITH n, row, fresh, [l IN labels(n) WHERE fresh AND l IN $type_labels AND NOT l IN row.extra_labels] AS stale
REMOVE n:$(stale)
SET n:$(CASE WHEN fresh THEN row.extra_labels ELSE [] END)
WITH n, row
CALL (n, row) {
  UNWIND row.evidence AS ev
  MATCH (p:Passage {id: ev.passage})
  CREATE (n)-[e:EVIDENCED_BY {start: ev.start, end: ev.end}]->(p)
  SET e += ev.props
}
CALL (n, row) {
  UNWIND row.mentions AS m
  MATCH (p:Passage {id: m.passage})
  CREATE (p)-[r:MENTIONS]->(n)
  SET r += m.props
}
RETURN row.label AS label, row.id AS id, elementId(n) AS eid

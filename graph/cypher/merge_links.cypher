// name: merge_links
// description: Create or update links with a fact at one end (PARTICIPATED_IN, PARTY_TO, ABOUT, ...), adding the stating document to `docs`.
// params: $rows — [{type, from_label, from, to_label, to, doc, props}] where type is a RelType value
// Each end is looked up under its static label (one branch per label) so the id constraint serves it;
// the type is dynamic, which is cheap because the fact end has few relationships.
CYPHER replan=skip
UNWIND $rows AS row
CALL (row) {
  MATCH (a:Actor {id: row.from}) WHERE row.from_label = 'Actor' RETURN a
  UNION ALL
  MATCH (a:Item {id: row.from}) WHERE row.from_label = 'Item' RETURN a
  UNION ALL
  MATCH (a:Event {id: row.from}) WHERE row.from_label = 'Event' RETURN a
  UNION ALL
  MATCH (a:Agreement {id: row.from}) WHERE row.from_label = 'Agreement' RETURN a
  UNION ALL
  MATCH (a:Friction {id: row.from}) WHERE row.from_label = 'Friction' RETURN a
  UNION ALL
  MATCH (a:Constraint {id: row.from}) WHERE row.from_label = 'Constraint' RETURN a
  UNION ALL
  MATCH (a:Indicator {id: row.from}) WHERE row.from_label = 'Indicator' RETURN a
  UNION ALL
  MATCH (a:Stance {id: row.from}) WHERE row.from_label = 'Stance' RETURN a
}
CALL (row) {
  MATCH (b:Actor {id: row.to}) WHERE row.to_label = 'Actor' RETURN b
  UNION ALL
  MATCH (b:Topic {id: row.to}) WHERE row.to_label = 'Topic' RETURN b
  UNION ALL
  MATCH (b:Item {id: row.to}) WHERE row.to_label = 'Item' RETURN b
  UNION ALL
  MATCH (b:Event {id: row.to}) WHERE row.to_label = 'Event' RETURN b
  UNION ALL
  MATCH (b:Agreement {id: row.to}) WHERE row.to_label = 'Agreement' RETURN b
  UNION ALL
  MATCH (b:Source {id: row.to}) WHERE row.to_label = 'Source' RETURN b
}
MERGE (a)-[r:$(row.type)]->(b)
SET r += row.props,
    r.docs = CASE WHEN row.doc IN coalesce(r.docs, []) THEN r.docs ELSE coalesce(r.docs, []) + row.doc END

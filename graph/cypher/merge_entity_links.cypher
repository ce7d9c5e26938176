// name: merge_entity_links
// description: Create or update links between two entities (a person's OFFICIAL_OF a state, an item ABOUT a topic), adding the stating document to `docs`.
// params: $rows — [{type, from_label, from, to_label, to, doc, props}] with type OFFICIAL_OF or ABOUT
// Static types here: both ends can have tens of thousands of relationships, and a typed MERGE
// only reads the relationships of that type.
CYPHER replan=skip
UNWIND $rows AS row
CALL (row) {
  WITH row WHERE row.type = 'OFFICIAL_OF'
  MATCH (a:Actor {id: row.from})
  MATCH (b:Actor {id: row.to})
  MERGE (a)-[r:OFFICIAL_OF]->(b)
  RETURN r
  UNION ALL
  WITH row WHERE row.type = 'ABOUT'
  MATCH (a:Item {id: row.from})
  MATCH (b:Topic {id: row.to})
  MERGE (a)-[r:ABOUT]->(b)
  RETURN r
}
SET r += row.props,
    r.docs = CASE WHEN row.doc IN coalesce(r.docs, []) THEN r.docs ELSE coalesce(r.docs, []) + row.doc END

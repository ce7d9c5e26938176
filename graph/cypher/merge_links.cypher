// name: merge_links
// description: Create or update links with a fact at one end (PARTICIPATED_IN, PARTY_TO, ABOUT, STATED_IN, ...), adding the stating document to `docs`.
// params: $rows — [{type, a, b, doc, props}]: type a RelType value, a and b the element ids merge_nodes / merge_sources returned in this transaction
// Both ends were written by this transaction, so they are found by element id (no index seek, no label
// branches); the type is dynamic, which is cheap because the fact end has few relationships.
UNWIND $rows AS row
MATCH (a)
WHERE elementId(a) = row.a
MATCH (b)
WHERE elementId(b) = row.b
MERGE (a)-[r:$(row.type)]->(b)
SET r += row.props,
    r.docs = CASE WHEN row.doc IN coalesce(r.docs, []) THEN r.docs ELSE coalesce(r.docs, []) + row.doc END

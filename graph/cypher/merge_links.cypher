// name: merge_links
// description: Create or update links with a fact at one end (PARTICIPATED_IN, PARTY_TO, ABOUT, STATED_IN, ...), adding the stating document to `docs` (kept sorted, so the list does not depend on load order).
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
    r.docs = COLLECT { UNWIND coalesce(r.docs, []) + row.doc AS d RETURN DISTINCT d ORDER BY d }

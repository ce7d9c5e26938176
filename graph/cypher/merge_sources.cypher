// name: merge_sources
// description: Create or update Source nodes (one per document), marked incomplete until mark_sources_complete runs; return their element ids for merge_links.
// params: $rows — [{id, file, sha256, props}]
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s += row.props, s.file = row.file, s.complete = false
RETURN 'Source' AS label, row.id AS id, elementId(s) AS eid

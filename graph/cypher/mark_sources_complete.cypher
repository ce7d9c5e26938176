// name: mark_sources_complete
// description: Set each Source's sha256, its contributions to merged nodes and complete=true, last in the transaction that wrote its passages and records.
// params: $rows — [{id, sha256, contributions}]
UNWIND $rows AS row
MATCH (s:Source {id: row.id})
SET s.sha256 = row.sha256, s.contributions = row.contributions, s.complete = true

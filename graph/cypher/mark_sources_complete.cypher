// name: mark_sources_complete
// description: Set each Source's sha256 and complete=true, last in the transaction that wrote its passages and records.
// params: $rows — [{id, sha256}]
UNWIND $rows AS row
MATCH (s:Source {id: row.id})
SET s.sha256 = row.sha256, s.complete = true

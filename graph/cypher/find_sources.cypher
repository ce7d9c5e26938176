// name: find_sources
// description: Sources with one of the given ids or file names, with their hash, extraction fingerprint and completeness.
// params: $ids — document ids; $files — file names
MATCH (s:Source)
WHERE s.id IN $ids
RETURN s.id AS id, s.file AS file, s.sha256 AS sha256, s.extracted_with AS extracted_with,
       coalesce(s.complete, false) AS complete
UNION
MATCH (s:Source)
WHERE s.file IN $files
RETURN s.id AS id, s.file AS file, s.sha256 AS sha256, s.extracted_with AS extracted_with,
       coalesce(s.complete, false) AS complete

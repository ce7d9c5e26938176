// name: find_sources
// description: Sources with one of the given ids or relative paths, with their content and metadata hashes, extraction fingerprint and completeness.
// params: $ids — document ids; $files — relative paths (Source.file)
MATCH (s:Source)
WHERE s.id IN $ids
RETURN s.id AS id, s.file AS file, s.sha256 AS sha256, s.meta_sha256 AS meta_sha256,
       s.extracted_with AS extracted_with, coalesce(s.complete, false) AS complete
UNION
MATCH (s:Source)
WHERE s.file IN $files
RETURN s.id AS id, s.file AS file, s.sha256 AS sha256, s.meta_sha256 AS meta_sha256,
       s.extracted_with AS extracted_with, coalesce(s.complete, false) AS complete

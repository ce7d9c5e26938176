// name: match_sources
// description: Sources a user names for unload: by id, by relative path, or by a path that ends with it or that it ends with (a bare file name).
// params: $doc — what the user typed (document id, relative path, file name or a longer path)
MATCH (s:Source)
WHERE s.id = $doc OR s.file = $doc OR s.file ENDS WITH '/' + $doc OR $doc ENDS WITH '/' + s.file
RETURN s.id AS id, s.file AS file, s.id = $doc OR s.file = $doc AS exact
ORDER BY file, id

// name: list_actors
// description: Actors (all, or only those discovered in text and awaiting curation) with their mention count and first quotes.
// params: $unlinked_only — bool; $max_quotes — quotes per actor; $limit — actors returned
MATCH (a:Actor)
WHERE NOT $unlinked_only OR a.linked = false
OPTIONAL MATCH (p:Passage)-[m:MENTIONS]->(a)
WITH a, p, m
ORDER BY p.file, p.idx
WITH a, count(m) AS mentions,
     collect(CASE WHEN m IS NULL THEN null ELSE {quote: p.text, doc: p.doc, file: p.file, passage: p.idx} END) AS quotes
RETURN a.id AS id, a.label AS label, a.type AS type, a.name_ar AS name_ar, a.name_en AS name_en,
       coalesce(a.names, []) AS names, a.linked AS linked, mentions, quotes[..$max_quotes] AS quotes
ORDER BY mentions DESC, id
LIMIT $limit

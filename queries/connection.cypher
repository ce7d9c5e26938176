// name: connection
// description: How two actors are connected: shortest paths through events, agreements, frictions and other facts, with each fact's quotes.
// param: actor string default=iran fill=actor -- first actor (id or name)
// param: actor2 string default=russia fill=actor2 -- second actor (id or name)
// returns: hops, path, facts, quotes
// example-en: how are Iran and Israel connected?
// example-en: what links Putin and Pezeshkian?
// example-en: what is the connection between Russia and Oman?
// example-ar: ما الصلة بين إيران وإسرائيل؟
// example-ar: كيف يرتبط بوتين ببزشكيان؟
// keywords: connected, connection, connect, link, links, linked, related, path, how is linked
// keywords: الصلة, صلة, يرتبط, ترتبط, الرابط, رابط, العلاقة بين, يربط, تربط
MATCH (a:Actor) WHERE a.id = $actor OR toLower(a.name_en) = toLower($actor) OR a.name_ar = $actor OR $actor IN coalesce(a.aliases, [])
MATCH (b:Actor) WHERE b.id = $actor2 OR toLower(b.name_en) = toLower($actor2) OR b.name_ar = $actor2 OR $actor2 IN coalesce(b.aliases, [])
WITH a, b WHERE a <> b
MATCH p = allShortestPaths((a)-[:PARTICIPATED_IN|PARTY_TO|BETWEEN|INVOLVES_THIRD_PARTY|IMPOSED_BY|MEASURES|CHARACTERIZES|OFFICIAL_OF*..8]-(b))
WITH p LIMIT 10
WITH p, [x IN nodes(p) WHERE NOT x:Actor] AS facts
CALL (facts) {
  UNWIND facts AS f
  MATCH (f)-[e:EVIDENCED_BY]->(ps:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(ps)
  WITH DISTINCT e, ps, s, f ORDER BY coalesce(s.file, e.file, e.doc), ps.idx
  RETURN collect({quote: coalesce(e.quote, ps.text), doc: coalesce(s.file, e.file, e.doc), passage: ps.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, f.certainty)}) AS quotes
}
RETURN length(p) AS hops,
       reduce(s = coalesce(head(nodes(p)).name_en, head(nodes(p)).label), i IN range(0, length(p) - 1) |
              s + ' -[' + type(relationships(p)[i]) + ']- ' +
              coalesce(nodes(p)[i + 1].name_en, nodes(p)[i + 1].factor, nodes(p)[i + 1].summary, nodes(p)[i + 1].label, nodes(p)[i + 1].id)) AS path,
       [f IN facts | head(labels(f)) + ': ' + coalesce(f.label, f.factor, f.summary, f.id)] AS facts,
       quotes
ORDER BY hops, path

// name: brief_indicators
// description: The indicators of a brief's selection (topics, actor, years) with every source's claim: the value, date and unit each passage gives, with its quote and certainty (up to 60 per indicator).
// param: topics list default=null fill=topic -- topic ids (the indicator's topic, or a topic word in what it measures)
// param: actor string default=null fill=actor -- actor id the indicator measures
// param: year_from int default=null fill=year_from -- from this year (undated indicators are then left out)
// param: year_to int default=null fill=year_to -- up to this year
// param: limit int default=150 -- at most this many indicators; `total` says how many matched
// returns: id, what, unit, date, value, label, label_ar, certainty, conflicts, actors, n_quotes, quotes, total
// example-en: how does each figure in the brief change over time, source by source?
// example-ar: كيف يتغير كل رقم في الموجز عبر الزمن بحسب كل مصدر؟
// keywords: brief indicators, indicator chart, رسم المؤشرات
MATCH (i:Indicator)
WHERE ($year_from IS NULL OR toInteger(left(i.date, 4)) >= $year_from)
  AND ($year_to IS NULL OR toInteger(left(i.date, 4)) <= $year_to)
  AND ($actor IS NULL OR EXISTS { MATCH (i)-[:MEASURES]->(a:Actor) WHERE a.id = $actor })
  AND ($topics IS NULL OR i.topic IN $topics
       OR EXISTS { MATCH (i)-[:ABOUT]->(t:Topic) WHERE t.id IN $topics }
       OR any(t IN $topics WHERE toLower(i.what) CONTAINS replace(t, '_', ' ')))
WITH i, COUNT { (i)-[:EVIDENCED_BY]->() } AS n_quotes
ORDER BY n_quotes DESC, i.what, i.date, i.id
WITH collect({i: i, n: n_quotes}) AS matched
UNWIND matched[..toInteger($limit)] AS m
WITH m.i AS i, m.n AS n_quotes, size(matched) AS total
CALL (i) {
  OPTIONAL MATCH (i)-[:MEASURES]->(a:Actor)
  WITH a ORDER BY a.id
  RETURN collect(CASE WHEN a IS NULL THEN NULL ELSE {id: a.id, name_en: coalesce(a.name_en, a.label, a.id), name_ar: a.name_ar} END) AS actors
}
CALL (i) {
  MATCH (i)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 60
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, i.certainty),
                  value: e.claim_value, date: e.claim_date, unit: e.claim_unit, qualifier: e.claim_qualifier}) AS quotes
}
RETURN i.id AS id, coalesce(i.what, i.label) AS what, i.unit AS unit, i.date AS date, i.value AS value,
       coalesce(i.label, i.what, i.id) AS label, i.label_ar AS label_ar, coalesce(i.certainty, 'asserted') AS certainty,
       coalesce(i.conflicts, []) AS conflicts, actors, n_quotes, quotes, total
ORDER BY what, unit, date IS NULL, date

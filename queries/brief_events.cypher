// name: brief_events
// description: The events of a brief's selection (topics, actor, years), the most quoted of each year: type, date and precision, certainty, participants with roles, up to 10 quotes.
// param: topics list default=null fill=topic -- topic ids (an event is about one directly or through the item or agreement it concerns)
// param: actor string default=null fill=actor -- actor id: events it took part in
// param: year_from int default=null fill=year_from -- from this year (undated events are then left out)
// param: year_to int default=null fill=year_to -- up to this year
// param: limit int default=1500 -- about this many events at most, an equal share per year; `total` says how many matched
// returns: id, type, date, date_precision, certainty, label, label_ar, place, participants, topics, n_quotes, quotes, total
// example-en: which events does the brief's timeline show?
// example-ar: ما الأحداث التي يعرضها الخط الزمني في الموجز؟
// keywords: brief timeline, report timeline, الخط الزمني للموجز
MATCH (ev:Event)
WHERE ($year_from IS NULL OR toInteger(left(ev.date, 4)) >= $year_from)
  AND ($year_to IS NULL OR toInteger(left(ev.date, 4)) <= $year_to)
  AND ($actor IS NULL OR EXISTS { MATCH (ev)<-[:PARTICIPATED_IN]-(a:Actor) WHERE a.id = $actor })
  AND ($topics IS NULL
       OR EXISTS { MATCH (ev)-[:ABOUT]->(t:Topic) WHERE t.id IN $topics }
       OR EXISTS { MATCH (ev)-[:CONCERNS]->(:Item|Agreement)-[:ABOUT]->(t:Topic) WHERE t.id IN $topics })
WITH ev, COUNT { (ev)-[:EVIDENCED_BY]->() } AS n_quotes
ORDER BY n_quotes DESC, ev.date, ev.id
// Past the limit, each year (and the undated) keeps an equal share of it, its most quoted events
// first, so a long selection is shown over its whole span rather than its first years.
WITH left(ev.date, 4) AS year, collect({ev: ev, n: n_quotes}) AS per_year
WITH collect(per_year) AS years, sum(size(per_year)) AS total
WITH years, total, CASE WHEN size(years) = 0 THEN 0 ELSE toInteger(ceil(toFloat($limit) / size(years))) END AS share
UNWIND years AS per_year
UNWIND per_year[..share] AS m
WITH m.ev AS ev, m.n AS n_quotes, total
CALL (ev) {
  OPTIONAL MATCH (a:Actor)-[r:PARTICIPATED_IN]->(ev)
  WITH a, r ORDER BY a.id
  RETURN collect(CASE WHEN a IS NULL THEN NULL ELSE
                 {id: a.id, name_en: coalesce(a.name_en, a.label, a.id), name_ar: a.name_ar, role: r.role} END) AS participants
}
CALL (ev) {
  OPTIONAL MATCH (ev)-[:ABOUT]->(t:Topic)
  RETURN collect(DISTINCT t.id) AS topics
}
CALL (ev) {
  MATCH (ev)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 10
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, ev.certainty)}) AS quotes
}
RETURN ev.id AS id, ev.type AS type, ev.date AS date, ev.date_precision AS date_precision,
       coalesce(ev.certainty, 'asserted') AS certainty, coalesce(ev.label, ev.summary, ev.id) AS label, ev.label_ar AS label_ar,
       ev.place AS place, participants, topics, n_quotes, quotes, total
ORDER BY date IS NULL, date, type, id

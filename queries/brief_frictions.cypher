// name: brief_frictions
// description: The frictions of a brief's selection (topics, actor), historical and current: topic, the two sides, third parties, certainty, up to 10 quotes.
// param: topics list default=null fill=topic -- topic ids
// param: actor string default=null fill=actor -- actor id: a side or a third party
// param: limit int default=400 -- at most this many frictions; `total` says how many matched
// returns: id, label, label_ar, topic, topic_label, topic_label_ar, historical, certainty, parties, third_parties, n_quotes, quotes, total
// example-en: which frictions does the brief list per topic?
// example-ar: ما نقاط التوتر التي يعرضها الموجز لكل موضوع؟
// keywords: brief frictions, توترات الموجز
// Frictions carry no date: a brief's years do not select them.
MATCH (f:Friction)
WHERE ($actor IS NULL OR EXISTS { MATCH (f)-[:BETWEEN|INVOLVES_THIRD_PARTY]->(a:Actor) WHERE a.id = $actor })
  AND ($topics IS NULL OR f.topic IN $topics OR EXISTS { MATCH (f)-[:ABOUT]->(t:Topic) WHERE t.id IN $topics })
WITH f, COUNT { (f)-[:EVIDENCED_BY]->() } AS n_quotes
ORDER BY n_quotes DESC, f.id
WITH collect({f: f, n: n_quotes}) AS matched
UNWIND matched[..toInteger($limit)] AS m
WITH m.f AS f, m.n AS n_quotes, size(matched) AS total
CALL (f) {
  OPTIONAL MATCH (f)-[:ABOUT]->(t:Topic)
  WITH t ORDER BY t.id
  RETURN head(collect(t)) AS topic
}
CALL (f) {
  OPTIONAL MATCH (f)-[r:BETWEEN|INVOLVES_THIRD_PARTY]->(a:Actor)
  WITH r, a ORDER BY a.id
  RETURN collect(CASE WHEN type(r) = 'BETWEEN' THEN {id: a.id, name_en: coalesce(a.name_en, a.label, a.id), name_ar: a.name_ar} END) AS parties,
         collect(CASE WHEN type(r) = 'INVOLVES_THIRD_PARTY' THEN {id: a.id, name_en: coalesce(a.name_en, a.label, a.id), name_ar: a.name_ar} END) AS third_parties
}
CALL (f) {
  MATCH (f)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 10
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, f.certainty)}) AS quotes
}
RETURN f.id AS id, coalesce(f.label, f.summary, f.id) AS label, f.label_ar AS label_ar,
       coalesce(topic.id, f.topic) AS topic, coalesce(topic.label, f.topic) AS topic_label, topic.name_ar AS topic_label_ar,
       coalesce(f.historical, false) AS historical, coalesce(f.certainty, 'asserted') AS certainty,
       parties, third_parties, n_quotes, quotes, total
ORDER BY topic IS NULL, topic, historical, label

// name: brief_constraints
// description: The constraints of a brief's selection (topics, actor): the factor, what it constrains, the actors behind it, certainty, up to 10 quotes.
// param: topics list default=null fill=topic -- topic ids constrained
// param: actor string default=null fill=actor -- actor id behind the factor
// param: limit int default=400 -- at most this many constraints; `total` says how many matched
// returns: id, label, label_ar, factor, topic, topic_label, topic_label_ar, certainty, actors, n_quotes, quotes, total
// example-en: which constraints does the brief list per topic?
// example-ar: ما القيود التي يعرضها الموجز لكل موضوع؟
// keywords: brief constraints, قيود الموجز
// Constraints carry no date: a brief's years do not select them.
MATCH (c:Constraint)
WHERE ($actor IS NULL OR EXISTS { MATCH (c)-[:IMPOSED_BY]->(a:Actor) WHERE a.id = $actor })
  AND ($topics IS NULL OR c.constrains IN $topics OR EXISTS { MATCH (c)-[:CONSTRAINS|ABOUT]->(t:Topic) WHERE t.id IN $topics })
WITH c, COUNT { (c)-[:EVIDENCED_BY]->() } AS n_quotes
ORDER BY n_quotes DESC, c.id
WITH collect({c: c, n: n_quotes}) AS matched
UNWIND matched[..toInteger($limit)] AS m
WITH m.c AS c, m.n AS n_quotes, size(matched) AS total
CALL (c) {
  OPTIONAL MATCH (c)-[:CONSTRAINS]->(t:Topic)
  WITH t ORDER BY t.id
  RETURN head(collect(t)) AS topic
}
CALL (c) {
  OPTIONAL MATCH (c)-[:IMPOSED_BY]->(a:Actor)
  WITH a ORDER BY a.id
  RETURN collect(CASE WHEN a IS NULL THEN NULL ELSE {id: a.id, name_en: coalesce(a.name_en, a.label, a.id), name_ar: a.name_ar} END) AS actors
}
CALL (c) {
  MATCH (c)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 10
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, c.certainty)}) AS quotes
}
RETURN c.id AS id, coalesce(c.label, c.factor, c.id) AS label, c.label_ar AS label_ar, c.factor AS factor,
       coalesce(topic.id, c.constrains) AS topic, coalesce(topic.label, c.constrains) AS topic_label, topic.name_ar AS topic_label_ar,
       coalesce(c.certainty, 'asserted') AS certainty, actors, n_quotes, quotes, total
ORDER BY topic IS NULL, topic, label

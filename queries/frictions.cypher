// name: frictions
// description: Frictions between the two sides, historical and current, with the third parties involved and quotes.
// param: period string default=null fill=period -- historical, current, or null for both
// param: actor string default=null fill=actor -- a party or third party (id or name)
// param: topic string default=null fill=topic -- topic id (energy, syria, caspian...)
// param: limit int default=200 -- at most this many rows (the first in the order below)
// returns: period, friction, topic, parties, third_parties, certainty, quotes, _ids, _label, _label_ar
// example-en: what are the frictions between Iran and Russia?
// example-en: what historical tensions divide Iran and Russia?
// example-en: where do Iran and Russia disagree or compete today?
// example-en: what are the points of friction over Syria?
// example-ar: ما هي نقاط الخلاف بين إيران وروسيا؟
// example-ar: ما التوترات التاريخية بين البلدين؟
// example-ar: أين يتنافس البلدان اليوم؟
// keywords: friction, frictions, tension, tensions, dispute, disputes, rivalry, rivals, compete, competition, distrust, mistrust, conflict, grievances, differences
// keywords: خلاف, خلافات, الخلاف, الخلافات, توتر, توترات, التوترات, تنافس, يتنافس, منافسة, التنافس, نزاع, شك, عدم الثقة, انعدام الثقة, تباين, احتكاك
MATCH (f:Friction)
WHERE ($period IS NULL
       OR ($period = 'historical' AND coalesce(f.historical, false))
       OR ($period = 'current' AND NOT coalesce(f.historical, false)))
  AND ($topic IS NULL OR f.topic = $topic OR f.topic STARTS WITH $topic + '_' OR $topic STARTS WITH f.topic + '_'
       OR EXISTS { MATCH (f)-[:ABOUT]->(t:Topic) WHERE t.id = $topic })
  AND ($actor IS NULL OR EXISTS {
        MATCH (f)-[:BETWEEN|INVOLVES_THIRD_PARTY]->(a:Actor)
        WHERE a.id = $actor OR toLower(a.name_en) = toLower($actor) OR a.name_ar = $actor OR $actor IN coalesce(a.aliases, [])
      })
WITH f ORDER BY coalesce(f.historical, false), coalesce(f.label, f.summary) LIMIT toInteger($limit)
CALL (f) {
  OPTIONAL MATCH (f)-[:BETWEEN]->(a:Actor)
  RETURN collect(DISTINCT coalesce(a.name_en, a.label, a.id)) AS parties
}
CALL (f) {
  OPTIONAL MATCH (f)-[:INVOLVES_THIRD_PARTY]->(a:Actor)
  RETURN collect(DISTINCT coalesce(a.name_en, a.label, a.id)) AS third_parties
}
CALL (f) {
  OPTIONAL MATCH (f)-[:ABOUT]->(t:Topic)
  RETURN head(collect(t.id)) AS topic_id
}
CALL (f) {
  MATCH (f)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 25
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, f.certainty)}) AS quotes
}
RETURN CASE WHEN coalesce(f.historical, false) THEN 'historical' ELSE 'current' END AS period,
       coalesce(f.label, f.summary) AS friction, coalesce(topic_id, f.topic) AS topic,
       parties, third_parties, f.certainty AS certainty, quotes,
       [f.id] AS _ids, f.label AS _label, f.label_ar AS _label_ar
ORDER BY period, friction

// name: visits_meetings
// description: High-level visits and meetings (summits, talks) in date order, who met whom, where, with quotes.
// param: actor string default=null fill=actor -- actor id or name
// param: year_from int default=null fill=year_from
// param: year_to int default=null fill=year_to
// param: limit int default=200 -- at most this many rows (the first in the order below)
// returns: date, type, event, place, officials, participants, quotes, _ids, _label, _label_ar
// example-en: which high-level visits and meetings took place between Iran and Russia?
// example-en: when did Putin meet Pezeshkian?
// example-en: list the summits and official visits
// example-ar: ما هي الزيارات واللقاءات رفيعة المستوى بين إيران وروسيا؟
// example-ar: متى التقى بوتين بزشكيان؟
// keywords: visit, visits, visited, meeting, meetings, met, meet, summit, summits, talks, trip, high-level
// keywords: زيارة, زيارات, الزيارات, زار, لقاء, لقاءات, اللقاءات, التقى, اجتماع, اجتماعات, قمة, القمة, محادثات, رفيعة المستوى
MATCH (ev:Event)
WHERE ev.type IN ['visit', 'meeting']
  AND ($year_from IS NULL OR toInteger(left(ev.date, 4)) >= $year_from)
  AND ($year_to IS NULL OR toInteger(left(ev.date, 4)) <= $year_to)
  AND ($actor IS NULL OR EXISTS {
        MATCH (a:Actor)-[:PARTICIPATED_IN]->(ev)
        WHERE a.id = $actor OR toLower(a.name_en) = toLower($actor) OR a.name_ar = $actor OR $actor IN coalesce(a.aliases, [])
      })
WITH ev ORDER BY NOT EXISTS { MATCH (:Person)-[:PARTICIPATED_IN]->(ev) }, ev.date IS NULL, ev.date LIMIT toInteger($limit)
CALL (ev) {
  OPTIONAL MATCH (a:Actor)-[r:PARTICIPATED_IN]->(ev)
  RETURN collect(DISTINCT CASE WHEN a:Person THEN coalesce(a.name_en, a.label) END) AS officials,
         collect(DISTINCT coalesce(a.name_en, a.label, a.id) + CASE WHEN r.role IS NULL THEN '' ELSE ' (' + r.role + ')' END) AS participants
}
CALL (ev) {
  MATCH (ev)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 25
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, ev.certainty)}) AS quotes
}
RETURN ev.date AS date, ev.type AS type, coalesce(ev.label, ev.summary) AS event, ev.place AS place,
       officials, participants, quotes,
       [ev.id] AS _ids, ev.label AS _label, ev.label_ar AS _label_ar
ORDER BY size(officials) = 0, ev.date IS NULL, ev.date

// name: timeline
// description: Events in date order, filterable by actor, event type, topic and years; each with participants and quotes.
// param: actor string default=null fill=actor -- actor id or name
// param: event_type string default=null fill=event_type -- visit, meeting, signing, delivery, sanction, ...
// param: topic string default=null fill=topic -- topic id
// param: year_from int default=null fill=year_from
// param: year_to int default=null fill=year_to
// param: limit int default=200 -- at most this many rows (the first in the order below)
// returns: date, type, event, participants, topics, certainty, quotes, _ids, _label, _label_ar
// example-en: timeline of Iran Russia relations
// example-en: what happened between Iran and Russia in 2022?
// example-en: list the events involving Putin since 2020
// example-ar: ما هو التسلسل الزمني للعلاقات الإيرانية الروسية؟
// example-ar: ماذا حدث بين إيران وروسيا في عام 2022؟
// keywords: imposed, took place, occurred, timeline, chronology, history of events, events, happened, when did, what happened, sequence, turning points, turning point, milestones, milestone, evolved, evolution, trajectory, moved from
// keywords: فرضت, فرض, وقعت أحداث, التسلسل الزمني, تسلسل, الأحداث, احداث, حدث, جرى, متى, تاريخ الأحداث, نقاط تحول, نقطة تحول, محطات, تحولات, تطور العلاقات
MATCH (ev:Event)
WHERE ($event_type IS NULL OR ev.type = $event_type)
  AND ($year_from IS NULL OR toInteger(left(ev.date, 4)) >= $year_from)
  AND ($year_to IS NULL OR toInteger(left(ev.date, 4)) <= $year_to)
  AND ($actor IS NULL OR EXISTS {
        MATCH (a:Actor)-[:PARTICIPATED_IN]->(ev)
        WHERE a.id = $actor OR toLower(a.name_en) = toLower($actor) OR a.name_ar = $actor OR $actor IN coalesce(a.aliases, [])
      })
  AND ($topic IS NULL OR EXISTS { MATCH (ev)-[:ABOUT]->(t:Topic) WHERE t.id = $topic OR t.id STARTS WITH $topic + '_' OR $topic STARTS WITH t.id + '_' })
WITH ev ORDER BY ev.date IS NULL, ev.date, ev.type LIMIT toInteger($limit)
CALL (ev) {
  OPTIONAL MATCH (a:Actor)-[r:PARTICIPATED_IN]->(ev)
  RETURN collect(DISTINCT coalesce(a.name_en, a.label, a.id) + CASE WHEN r.role IS NULL THEN '' ELSE ' (' + r.role + ')' END) AS participants
}
CALL (ev) {
  OPTIONAL MATCH (ev)-[:ABOUT]->(t:Topic)
  RETURN collect(DISTINCT t.id) AS topics
}
CALL (ev) {
  MATCH (ev)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 25
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, ev.certainty)}) AS quotes
}
RETURN ev.date AS date, ev.type AS type, coalesce(ev.label, ev.summary) AS event,
       participants, topics, ev.certainty AS certainty, quotes,
       [ev.id] AS _ids, ev.label AS _label, ev.label_ar AS _label_ar
ORDER BY ev.date IS NULL, ev.date, ev.type

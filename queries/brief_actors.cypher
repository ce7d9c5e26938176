// name: brief_actors
// description: The actors a brief's selection names in its events, agreements and frictions: how many facts of each kind, with up to 8 of them and their quotes.
// param: topics list default=null fill=topic -- topic ids, as brief_events, brief_agreements and brief_frictions take them
// param: actor string default=null fill=actor -- actor id: the facts it is part of (and everyone else they name)
// param: year_from int default=null fill=year_from -- events and agreements from this year (frictions carry no date)
// param: year_to int default=null fill=year_to -- events and agreements up to this year
// param: limit int default=80 -- at most this many actors, those in most facts first; `total` says how many matched
// returns: id, name_en, name_ar, type, facts, events, agreements, frictions, fact_ids, quotes, total
// example-en: which actors appear most in the events, agreements and frictions?
// example-ar: ما الأطراف الأكثر حضورا في الأحداث والاتفاقيات ونقاط التوتر؟
// keywords: actors in the brief, network nodes, أطراف الموجز
// The selection repeats brief_events', brief_agreements' and brief_frictions' conditions.
CALL () {
  MATCH (f:Event)
  WHERE ($year_from IS NULL OR toInteger(left(f.date, 4)) >= $year_from)
    AND ($year_to IS NULL OR toInteger(left(f.date, 4)) <= $year_to)
    AND ($actor IS NULL OR EXISTS { MATCH (f)<-[:PARTICIPATED_IN]-(x:Actor) WHERE x.id = $actor })
    AND ($topics IS NULL
         OR EXISTS { MATCH (f)-[:ABOUT]->(t:Topic) WHERE t.id IN $topics }
         OR EXISTS { MATCH (f)-[:CONCERNS]->(:Item|Agreement)-[:ABOUT]->(t:Topic) WHERE t.id IN $topics })
  MATCH (a:Actor)-[:PARTICIPATED_IN]->(f)
  RETURN f, 'event' AS kind, collect(DISTINCT a) AS actors
  UNION ALL
  MATCH (f:Agreement)
  WHERE ($actor IS NULL OR EXISTS { MATCH (f)<-[:PARTY_TO]-(x:Actor) WHERE x.id = $actor })
    AND ($topics IS NULL
         OR EXISTS { MATCH (f)-[:ABOUT]->(t:Topic) WHERE t.id IN $topics }
         OR any(c IN coalesce(f.covers, []) WHERE c IN $topics))
    AND (($year_from IS NULL AND $year_to IS NULL)
         OR any(d IN [f.date, f.ratified, f.in_force] + [(ev:Event)-[:CONCERNS]->(f) | ev.date]
                WHERE d IS NOT NULL
                  AND ($year_from IS NULL OR toInteger(left(d, 4)) >= $year_from)
                  AND ($year_to IS NULL OR toInteger(left(d, 4)) <= $year_to)))
  MATCH (a:Actor)-[:PARTY_TO]->(f)
  RETURN f, 'agreement' AS kind, collect(DISTINCT a) AS actors
  UNION ALL
  MATCH (f:Friction)
  WHERE ($actor IS NULL OR EXISTS { MATCH (f)-[:BETWEEN|INVOLVES_THIRD_PARTY]->(x:Actor) WHERE x.id = $actor })
    AND ($topics IS NULL OR f.topic IN $topics OR EXISTS { MATCH (f)-[:ABOUT]->(t:Topic) WHERE t.id IN $topics })
  MATCH (f)-[:BETWEEN|INVOLVES_THIRD_PARTY]->(a:Actor)
  RETURN f, 'friction' AS kind, collect(DISTINCT a) AS actors
}
UNWIND actors AS a
WITH a, kind, f ORDER BY f.id
WITH a, count(f) AS facts, sum(CASE kind WHEN 'event' THEN 1 ELSE 0 END) AS events,
     sum(CASE kind WHEN 'agreement' THEN 1 ELSE 0 END) AS agreements,
     sum(CASE kind WHEN 'friction' THEN 1 ELSE 0 END) AS frictions, collect(f) AS all_facts
ORDER BY facts DESC, a.id
WITH collect({a: a, facts: facts, events: events, agreements: agreements, frictions: frictions, fs: all_facts[..8]}) AS matched
UNWIND matched[..toInteger($limit)] AS m
WITH m.a AS a, m.facts AS facts, m.events AS events, m.agreements AS agreements, m.frictions AS frictions, m.fs AS fs,
     size(matched) AS total
CALL (fs) {
  UNWIND fs AS f
  MATCH (f)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH f, e, p, s ORDER BY f.id, coalesce(s.file, e.file, e.doc), p.idx
  WITH f, collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                   start: e.start, end: e.end, certainty: coalesce(e.certainty, f.certainty),
                   fact: f.id, fact_kind: CASE WHEN f:Event THEN 'event' WHEN f:Agreement THEN 'agreement' ELSE 'friction' END,
                   fact_label: coalesce(f.label, f.summary, f.id), fact_label_ar: f.label_ar,
                   fact_certainty: coalesce(f.certainty, 'asserted')})[..2] AS qs
  UNWIND qs AS q
  RETURN collect(q) AS quotes
}
RETURN a.id AS id, coalesce(a.name_en, a.label, a.id) AS name_en, a.name_ar AS name_ar, a.type AS type,
       facts, events, agreements, frictions, [f IN fs | f.id] AS fact_ids, quotes, total
ORDER BY facts DESC, id

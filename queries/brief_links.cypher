// name: brief_links
// description: The network of a brief's selection: one row per pair of actors and kind of fact (event, agreement, friction) that names both, weighted by the number of such facts, with up to 8 of them and their quotes.
// param: topics list default=null fill=topic -- topic ids, as brief_events, brief_agreements and brief_frictions take them
// param: actor string default=null fill=actor -- actor id: the facts it is part of (and everyone else they name)
// param: year_from int default=null fill=year_from -- events and agreements from this year (frictions carry no date)
// param: year_to int default=null fill=year_to -- events and agreements up to this year
// param: limit int default=600 -- at most this many links, the heaviest first; `total` says how many matched
// returns: source, source_name_en, source_name_ar, target, target_name_en, target_name_ar, kind, weight, facts, quotes, total
// example-en: which actors are linked by events, agreements and frictions, and how often?
// example-ar: ما الأطراف التي تربطها أحداث واتفاقيات ونقاط توتر، وكم مرة؟
// keywords: actor network, network of actors, شبكة الأطراف
// The selection repeats brief_events', brief_agreements' and brief_frictions' conditions, so the
// network and those sections show the same facts.
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
WITH f, kind, actors WHERE size(actors) > 1
UNWIND actors AS a
UNWIND actors AS b
WITH f, kind, a, b WHERE a.id < b.id
WITH a, b, kind, f ORDER BY f.id
WITH a, b, kind, count(f) AS weight, collect(f) AS all_facts
ORDER BY weight DESC, a.id, b.id, kind
WITH collect({a: a, b: b, kind: kind, weight: weight, fs: all_facts[..8]}) AS matched
UNWIND matched[..toInteger($limit)] AS m
WITH m.a AS a, m.b AS b, m.kind AS kind, m.weight AS weight, m.fs AS fs, size(matched) AS total
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
RETURN a.id AS source, coalesce(a.name_en, a.label, a.id) AS source_name_en, a.name_ar AS source_name_ar,
       b.id AS target, coalesce(b.name_en, b.label, b.id) AS target_name_en, b.name_ar AS target_name_ar,
       kind, weight, [f IN fs | f.id] AS facts, quotes, total
ORDER BY weight DESC, source, target, kind

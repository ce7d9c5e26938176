// name: brief_agreements
// description: The agreements of a brief's selection with their lifecycle: signing, ratification and entry-into-force dates (the agreement's own and its events'), status, what they cover and lack, each source's date, quotes.
// param: topics list default=null fill=topic -- topic ids the agreement is about or covers
// param: actor string default=null fill=actor -- actor id: agreements it is a party to
// param: year_from int default=null fill=year_from -- a lifecycle date from this year (agreements without one are then left out)
// param: year_to int default=null fill=year_to -- a lifecycle date up to this year
// param: limit int default=200 -- at most this many agreements; `total` says how many matched
// returns: id, kind, status, label, label_ar, signed, ratified, in_force, duration_years, articles, parties, covers, provisions, missing_provisions, lifecycle, certainty, n_quotes, quotes, total
// example-en: what stage has each agreement reached in the brief?
// example-ar: إلى أي مرحلة وصلت كل اتفاقية في الموجز؟
// keywords: agreement lifecycle, مراحل الاتفاقية
MATCH (ag:Agreement)
WHERE ($actor IS NULL OR EXISTS { MATCH (ag)<-[:PARTY_TO]-(a:Actor) WHERE a.id = $actor })
  AND ($topics IS NULL
       OR EXISTS { MATCH (ag)-[:ABOUT]->(t:Topic) WHERE t.id IN $topics }
       OR any(c IN coalesce(ag.covers, []) WHERE c IN $topics))
  AND (($year_from IS NULL AND $year_to IS NULL)
       OR any(d IN [ag.date, ag.ratified, ag.in_force] + [(ev:Event)-[:CONCERNS]->(ag) | ev.date]
              WHERE d IS NOT NULL
                AND ($year_from IS NULL OR toInteger(left(d, 4)) >= $year_from)
                AND ($year_to IS NULL OR toInteger(left(d, 4)) <= $year_to)))
WITH ag, COUNT { (ag)-[:EVIDENCED_BY]->() } AS n_quotes
ORDER BY n_quotes DESC, ag.id
WITH collect({ag: ag, n: n_quotes}) AS matched
UNWIND matched[..toInteger($limit)] AS m
WITH m.ag AS ag, m.n AS n_quotes, size(matched) AS total
CALL (ag) {
  OPTIONAL MATCH (a:Actor)-[:PARTY_TO]->(ag)
  WITH a ORDER BY a.id
  RETURN collect(CASE WHEN a IS NULL THEN NULL ELSE {id: a.id, name_en: coalesce(a.name_en, a.label, a.id), name_ar: a.name_ar} END) AS parties
}
CALL (ag) {
  OPTIONAL MATCH (ag)-[:ABOUT]->(t:Topic)
  WITH t ORDER BY t.id
  RETURN collect(CASE WHEN t IS NULL THEN NULL ELSE {id: t.id, label: coalesce(t.label, t.id), label_ar: t.name_ar} END) AS topic_rows
}
CALL (ag) {
  OPTIONAL MATCH (ev:Event)-[:CONCERNS]->(ag)
  WITH ev ORDER BY ev.date IS NULL, ev.date, ev.id
  CALL (ev) {
    OPTIONAL MATCH (ev)-[e:EVIDENCED_BY]->(p:Passage)
    OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
    WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 3
    RETURN collect(CASE WHEN e IS NULL THEN NULL ELSE
                   {quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                    start: e.start, end: e.end, certainty: coalesce(e.certainty, ev.certainty)} END) AS ev_quotes
  }
  RETURN collect(CASE WHEN ev IS NULL THEN NULL ELSE
                 {id: ev.id, type: ev.type, date: ev.date, certainty: coalesce(ev.certainty, 'asserted'),
                  label: coalesce(ev.label, ev.summary, ev.id), label_ar: ev.label_ar, quotes: ev_quotes} END) AS lifecycle
}
CALL (ag) {
  MATCH (ag)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 10
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, ag.certainty),
                  date: e.claim_date}) AS quotes
}
RETURN ag.id AS id, ag.agreement_kind AS kind, ag.status AS status,
       coalesce(ag.label, head(ag.names), ag.id) AS label, ag.label_ar AS label_ar,
       ag.date AS signed, ag.ratified AS ratified, ag.in_force AS in_force,
       ag.duration_years AS duration_years, ag.articles AS articles, parties,
       CASE WHEN size(topic_rows) > 0 THEN topic_rows ELSE [c IN coalesce(ag.covers, []) | {id: c, label: c, label_ar: null}] END AS covers,
       coalesce(ag.provisions, []) AS provisions, coalesce(ag.missing_provisions, []) AS missing_provisions,
       lifecycle, coalesce(ag.certainty, 'asserted') AS certainty, n_quotes, quotes, total
ORDER BY coalesce(signed, head([x IN lifecycle WHERE x.date IS NOT NULL | x.date])) IS NULL,
         coalesce(signed, head([x IN lifecycle WHERE x.date IS NOT NULL | x.date])), label

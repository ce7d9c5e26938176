// name: agreements
// description: Agreements: what was agreed, when signed / ratified / in force, what they cover and what they lack, with quotes.
// param: actor string default=null fill=actor -- a party (id or name)
// param: topic string default=null fill=topic -- a topic the agreement covers
// param: limit int default=200 -- at most this many rows (the first in the order below)
// returns: agreement, kind, status, signed, ratified, in_force, duration_years, articles, parties, covers, provisions, missing_provisions, events, quotes, _ids, _label, _label_ar
// example-en: what agreements have Iran and Russia signed?
// example-en: when was the strategic partnership treaty signed and ratified?
// example-en: what does the treaty cover and what does it lack?
// example-ar: ما الاتفاقيات التي وقعتها إيران وروسيا؟
// example-ar: متى وقعت معاهدة الشراكة الاستراتيجية الشاملة ومتى صودق عليها؟
// example-ar: ماذا تتضمن المعاهدة وما الذي ينقصها؟
// keywords: agreement, agreements, treaty, treaties, deal, deals, accord, memorandum, contract, signed, ratified, in force, clause, provisions, lack
// keywords: اتفاق, اتفاقية, اتفاقيات, الاتفاقيات, معاهدة, المعاهدة, معاهدات, مذكرة تفاهم, صفقة, عقد, وقع, وقعت, توقيع, صادق, المصادقة, التصديق, بند, بنود, حيز التنفيذ
MATCH (ag:Agreement)
WHERE ($actor IS NULL OR EXISTS {
        MATCH (a:Actor)-[:PARTY_TO]->(ag)
        WHERE a.id = $actor OR toLower(a.name_en) = toLower($actor) OR a.name_ar = $actor OR $actor IN coalesce(a.aliases, [])
      })
  AND ($topic IS NULL OR EXISTS { MATCH (ag)-[:ABOUT]->(t:Topic) WHERE t.id = $topic OR t.id STARTS WITH $topic + '_' OR $topic STARTS WITH t.id + '_' } OR $topic IN coalesce(ag.covers, []))
WITH ag ORDER BY ag.date IS NULL, ag.date DESC LIMIT toInteger($limit)
CALL (ag) {
  OPTIONAL MATCH (a:Actor)-[:PARTY_TO]->(ag)
  RETURN collect(DISTINCT coalesce(a.name_en, a.label, a.id)) AS parties
}
CALL (ag) {
  OPTIONAL MATCH (ag)-[:ABOUT]->(t:Topic)
  RETURN collect(DISTINCT t.id) AS topic_ids
}
CALL (ag) {
  OPTIONAL MATCH (ev:Event)-[:CONCERNS]->(ag)
  WITH ev ORDER BY ev.date
  RETURN collect(DISTINCT CASE WHEN ev IS NULL THEN NULL ELSE ev.type + ' ' + coalesce(ev.date, '?') END) AS events
}
CALL (ag) {
  MATCH (ag)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 25
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, ag.certainty)}) AS quotes
}
RETURN coalesce(ag.label, head(ag.names)) AS agreement, ag.agreement_kind AS kind, ag.status AS status,
       ag.date AS signed, ag.ratified AS ratified, ag.in_force AS in_force,
       ag.duration_years AS duration_years, ag.articles AS articles, parties,
       CASE WHEN size(topic_ids) > 0 THEN topic_ids ELSE coalesce(ag.covers, []) END AS covers,
       coalesce(ag.provisions, []) AS provisions, coalesce(ag.missing_provisions, []) AS missing_provisions,
       events, quotes,
       [ag.id] AS _ids, ag.label AS _label, ag.label_ar AS _label_ar
ORDER BY ag.date IS NULL, ag.date DESC

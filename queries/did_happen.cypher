// name: did_happen
// description: Did it happen? The events concerning an item (or of a type, with an actor), with how each source puts them (stated, reported, alleged, expected, denied) and quotes.
// param: item string default=null fill=item -- item id or name (Su-35, S-400, drones...)
// param: actor string default=null fill=actor -- an actor taking part (id or name)
// param: event_type string default=null fill=event_type -- delivery, visit, signing, ...
// param: limit int default=50 -- at most this many events
// returns: event, type, date, certainty, sources, by_certainty, participants, quotes, _ids, _label, _label_ar
// example-en: did Russia deliver Su-35 fighters to Iran?
// example-en: has Iran sent ballistic missiles to Russia?
// example-en: was the S-400 delivered?
// example-ar: هل سلمت روسيا مقاتلات سو-35 لإيران؟
// example-ar: هل أرسلت إيران صواريخ باليستية إلى روسيا؟
// keywords: did, has, have, was, were, is it true, really, actually, confirmed, happen, happened, take place
// keywords: هل, فعلا, فعليا, حقا, بالفعل, تأكد, تم, حدث
MATCH (ev:Event)
WHERE ($item IS NOT NULL OR $actor IS NOT NULL OR $event_type IS NOT NULL)
  AND ($event_type IS NULL OR ev.type = $event_type)
  AND ($item IS NULL OR EXISTS {
        MATCH (ev)-[:CONCERNS]->(i:Item)
        WHERE i.id = $item OR toLower(i.label) = toLower($item) OR i.name_ar = $item
           // "su35", "su_35" and "Su-35" name one item
           OR reduce(k = toLower(i.id), c IN ['_', '-', ' '] | replace(k, c, '')) = reduce(k = toLower($item), c IN ['_', '-', ' '] | replace(k, c, ''))
           OR reduce(k = toLower(i.label), c IN ['_', '-', ' '] | replace(k, c, '')) = reduce(k = toLower($item), c IN ['_', '-', ' '] | replace(k, c, '')) })
  AND ($actor IS NULL OR EXISTS {
        MATCH (a:Actor)-[:PARTICIPATED_IN]->(ev)
        WHERE a.id = $actor OR toLower(a.name_en) = toLower($actor) OR a.name_ar = $actor OR $actor IN coalesce(a.aliases, []) })
WITH ev ORDER BY ev.date IS NULL, ev.date DESC LIMIT toInteger($limit)
CALL (ev) {
  OPTIONAL MATCH (a:Actor)-[r:PARTICIPATED_IN]->(ev)
  RETURN collect(DISTINCT coalesce(a.name_en, a.label, a.id) + CASE WHEN r.role IS NULL THEN '' ELSE ' (' + r.role + ')' END) AS participants
}
CALL (ev) {
  MATCH (ev)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s, coalesce(e.certainty, ev.certainty) AS cert ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 25
  WITH collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                start: e.start, end: e.end, certainty: cert}) AS quotes
  RETURN quotes,
         size(reduce(ds = [], q IN quotes | CASE WHEN q.doc IN ds THEN ds ELSE ds + q.doc END)) AS sources,
         reduce(cs = [], c IN [q IN quotes | q.certainty] | CASE WHEN c IN cs THEN cs ELSE cs + c END) AS by_certainty
}
RETURN coalesce(ev.label, ev.summary) AS event, ev.type AS type, ev.date AS date, ev.certainty AS certainty,
       sources, by_certainty, participants, quotes, [ev.id] AS _ids, ev.label AS _label, ev.label_ar AS _label_ar
ORDER BY sources DESC, date IS NULL, date DESC

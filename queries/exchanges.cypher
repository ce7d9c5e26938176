// name: exchanges
// description: What each side gets from the other (supplies, technology, diplomatic cover) and what it seeks but has not received.
// param: actor string default=null fill=actor -- giver, receiver or seeker (id or name)
// param: limit int default=200 -- at most this many rows (the first in the order below)
// returns: relation, giver, receiver, what, status, date, quotes, _ids, _label, _label_ar
// example-en: what does each side get from the other?
// example-en: what weapons has Russia supplied to Iran and what does Iran still seek?
// example-en: what does Iran want from Russia that it has not received?
// example-ar: ماذا يحصل كل طرف من الآخر؟
// example-ar: ما الذي تسعى إيران للحصول عليه من روسيا ولم تتسلمه؟
// example-ar: ما الأسلحة التي زودت بها روسيا إيران؟
// keywords: give, gives, gave, sell, sells, sold, transfer, transferred, buy, bought, purchase, purchased, arms sales, get, gets, gain, gains, benefit, benefits, supply, supplies, supplied, provide, provided, deliver, delivered, receive, received, seek, seeks, want, wants, acquire, obtain, technology, diplomatic cover, obtained, obtain, hope to get, hopes to get, still after, seeking, sought, wish list
// keywords: أعطت, تعطي, باعت, تبيع, بيع, شراء, اشترت, نقل, صفقات, يحصل, تحصل, الحصول, يستفيد, تستفيد, مكاسب, زود, زودت, تزويد, يزود, قدم, قدمت, تسليم, تسلم, تتسلم, تسعى, يسعى, يريد, تريد, التكنولوجيا, غطاء دبلوماسي, امدادات, إمدادات, حصلت, تتطلع, تأمل في الحصول
// A delivery that happened (asserted, reported, alleged) is what the recipient gets; one the
// sources deny or only expect is what it seeks but has not received.
CALL () {
  MATCH (g:Actor)-[rg:PARTICIPATED_IN]->(ev:Event {type: 'delivery'})<-[rr:PARTICIPATED_IN]-(r:Actor)
  WHERE rg.role IN ['supplier', 'seller', 'provider', 'exporter', 'giver', 'sender']
    AND rr.role IN ['recipient', 'buyer', 'importer', 'receiver', 'customer']
    AND g <> r
  OPTIONAL MATCH (ev)-[:CONCERNS]->(it:Item)
  WITH ev, g, r, collect(DISTINCT coalesce(it.label, it.id)) AS items
  WITH ev, g, r, items, coalesce(ev.certainty, 'asserted') AS certainty
  RETURN CASE WHEN certainty IN ['denied', 'expected'] THEN 'seeks' ELSE 'gets' END AS relation,
         coalesce(g.name_en, g.label, g.id) AS giver, coalesce(r.name_en, r.label, r.id) AS receiver,
         CASE WHEN size(items) > 0 THEN items ELSE [coalesce(ev.label, ev.summary)] END AS what,
         certainty AS status, ev.date AS date, ev AS fact, [] AS rel_quotes
}
WITH relation, giver, receiver, what, status, date, fact, rel_quotes
WHERE $actor IS NULL OR $actor IN [giver, receiver]
   OR EXISTS { MATCH (a:Actor) WHERE (a.id = $actor OR a.name_ar = $actor OR $actor IN coalesce(a.aliases, [])) AND a.name_en IN [giver, receiver] }
WITH relation, giver, receiver, what, status, date, fact, rel_quotes
ORDER BY receiver, relation, date
LIMIT toInteger($limit)
CALL (fact) {
  OPTIONAL MATCH (fact)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 25
  RETURN collect(CASE WHEN p IS NULL THEN NULL ELSE {quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, fact.certainty)} END) AS ev_quotes
}
RETURN relation, giver, receiver, what, status, date, ev_quotes + rel_quotes AS quotes,
       [fact.id] AS _ids, fact.label AS _label, fact.label_ar AS _label_ar
ORDER BY receiver, relation, date

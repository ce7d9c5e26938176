// name: exchanges
// description: What each side gets from the other (supplies, technology, diplomatic cover) and what it seeks but has not received.
// param: actor string default=null fill=actor -- giver, receiver or seeker (id or name)
// param: limit int default=200 -- at most this many rows (the first in the order below)
// returns: relation, giver, receiver, what, status, date, quotes
// example-en: what does each side get from the other?
// example-en: what weapons has Russia supplied to Iran and what does Iran still seek?
// example-en: what does Iran want from Russia that it has not received?
// example-ar: ماذا يحصل كل طرف من الآخر؟
// example-ar: ما الذي تسعى إيران للحصول عليه من روسيا ولم تتسلمه؟
// example-ar: ما الأسلحة التي زودت بها روسيا إيران؟
// keywords: give, gives, gave, sell, sells, sold, transfer, transferred, buy, bought, purchase, purchased, arms sales, get, gets, gain, gains, benefit, benefits, supply, supplies, supplied, provide, provided, deliver, delivered, receive, received, seek, seeks, want, wants, acquire, obtain, technology, diplomatic cover
// keywords: أعطت, تعطي, باعت, تبيع, بيع, شراء, اشترت, نقل, صفقات, يحصل, تحصل, الحصول, يستفيد, تستفيد, مكاسب, زود, زودت, تزويد, يزود, قدم, قدمت, تسليم, تسلم, تتسلم, تسعى, يسعى, يريد, تريد, التكنولوجيا, غطاء دبلوماسي, امدادات, إمدادات
CALL () {
  MATCH (g:Actor)-[rg:PARTICIPATED_IN]->(ev:Event)<-[rr:PARTICIPATED_IN]-(r:Actor)
  WHERE rg.role IN ['supplier', 'seller', 'provider', 'exporter', 'giver', 'sender']
    AND rr.role IN ['recipient', 'buyer', 'importer', 'receiver', 'customer']
  OPTIONAL MATCH (ev)-[:CONCERNS]->(it:Item)
  WITH ev, g, r, collect(DISTINCT coalesce(it.label, it.id)) AS items
  RETURN 'gets' AS relation, coalesce(g.name_en, g.label, g.id) AS giver, coalesce(r.name_en, r.label, r.id) AS receiver,
         CASE WHEN size(items) > 0 THEN items ELSE [coalesce(ev.summary, ev.label)] END AS what,
         coalesce(ev.certainty, 'asserted') AS status, ev.date AS date, ev AS fact, [] AS rel_quotes
  UNION ALL
  MATCH (g:Actor)-[sp:SUPPLIES]->(r:Actor)
  OPTIONAL MATCH (it:Item {id: sp.item})
  RETURN 'gets' AS relation, coalesce(g.name_en, g.label, g.id) AS giver, coalesce(r.name_en, r.label, r.id) AS receiver,
         [coalesce(it.label, sp.item)] AS what, coalesce(sp.status, 'asserted') AS status, sp.date AS date, null AS fact,
         CASE WHEN sp.quote IS NULL THEN [] ELSE [{quote: sp.quote, doc: sp.doc, passage: sp.passage, start: sp.start, end: sp.end, certainty: coalesce(sp.certainty, sp.status)}] END AS rel_quotes
  UNION ALL
  MATCH (g:Actor)-[sk:SEEKS]->(it)
  OPTIONAL MATCH (r:Actor {id: sk.from})
  RETURN 'seeks' AS relation, coalesce(r.name_en, r.label, sk.from) AS giver, coalesce(g.name_en, g.label, g.id) AS receiver,
         [coalesce(it.label, it.name_en, it.id)] AS what, coalesce(sk.status, 'sought') AS status, sk.date AS date, null AS fact,
         CASE WHEN sk.quote IS NULL THEN [] ELSE [{quote: sk.quote, doc: sk.doc, passage: sk.passage, start: sk.start, end: sk.end, certainty: coalesce(sk.certainty, 'asserted')}] END AS rel_quotes
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
RETURN relation, giver, receiver, what, status, date, ev_quotes + rel_quotes AS quotes
ORDER BY receiver, relation, date

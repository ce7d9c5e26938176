// name: constraints_on
// description: What constrains a topic (arms deliveries, nuclear, trade...): one row per factor, who is behind it, up to 25 quotes.
// param: topic string default=null fill=topic -- topic id (see `irkg query run topics`), or null for every topic
// param: limit int default=200 -- at most this many rows (the first in the order below)
// returns: factor, kind, constrains, actors, certainty, quotes, _ids, _label, _label_ar
// example-en: what constrains arms deliveries?
// example-en: what limits nuclear cooperation between Iran and Russia?
// example-en: obstacles to trade between Iran and Russia
// example-ar: ما الذي يقيد تسليم الأسلحة؟
// example-ar: ما هي العوائق أمام التعاون النووي بين إيران وروسيا؟
// example-ar: ما القيود على التجارة بين البلدين؟
// keywords: why not, why doesn, why hasn, why didn, reluctant, reluctance, hesitant, hesitate, slow, delay, delays, holding back, constrain, constrains, constraint, limit, limits, obstacle, obstacles, hinder, prevent, restrict, barrier, why not, left out, omission, omitted, absence, lacks, lack of
// keywords: لماذا لا, لماذا لم, تتحفظ, تحفظ, تردد, تتردد, بطء, تأخير, تؤخر, يقيد, تقيد, قيود, القيود, عوائق, العوائق, يعيق, تعيق, يحد, تحد, يمنع, تمنع, عقبات, العقبات, يعرقل, كوابح, غياب, تخلو, لا تتضمن, لا يتضمن
MATCH (c:Constraint)
WHERE $topic IS NULL
   OR c.constrains = $topic OR c.constrains STARTS WITH $topic + '_' OR $topic STARTS WITH c.constrains + '_'
   OR EXISTS { MATCH (c)-[:CONSTRAINS]->(t:Topic) WHERE t.id = $topic OR t.id STARTS WITH $topic + '_' OR $topic STARTS WITH t.id + '_' OR t.name_ar = $topic }
OPTIONAL MATCH (c)-[:CONSTRAINS]->(t:Topic)
OPTIONAL MATCH (c)-[:IMPOSED_BY]->(a:Actor)
WITH coalesce(c.factor, c.label) AS factor,
     collect(DISTINCT c) AS cs,
     collect(DISTINCT coalesce(t.id, c.constrains)) AS constrains,
     collect(DISTINCT coalesce(a.name_en, a.label, a.id)) AS actors
ORDER BY size(cs) DESC, factor LIMIT toInteger($limit)
CALL (cs) {
  UNWIND cs AS c
  MATCH (c)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH DISTINCT e, p, s, c
  ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 25
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, c.certainty)}) AS quotes
}
RETURN factor,
       head([c IN cs WHERE c.factor_kind IS NOT NULL | c.factor_kind]) AS kind,
       constrains,
       actors,
       head([c IN cs | c.certainty]) AS certainty,
       quotes,
       [c IN cs | c.id] AS _ids, head([c IN cs | c.label]) AS _label, head([c IN cs | c.label_ar]) AS _label_ar
ORDER BY size(quotes) DESC, factor

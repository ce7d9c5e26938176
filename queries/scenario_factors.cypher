// name: scenario_factors
// description: What could strengthen or weaken the partnership: the drivers and brakes the sources name (expected developments, constraints, current frictions).
// param: effect string default=null fill=effect -- strengthen, weaken, or null for both
// param: limit int default=200 -- at most this many rows (the first in the order below)
// returns: effect, factor, kind, actors, certainty, quotes, _ids, _label, _label_ar
// example-en: what could strengthen or weaken the Iran Russia partnership?
// example-en: what are the future scenarios for the relationship?
// example-en: what factors could deepen the cooperation?
// example-ar: ما العوامل التي قد تعزز الشراكة الإيرانية الروسية أو تضعفها؟
// example-ar: ما هي السيناريوهات المستقبلية للعلاقة؟
// keywords: set back, setback, harm, hurt, threaten, strengthen, weaken, scenario, scenarios, future, prospects, outlook, could, might, deepen, undermine, drivers, factors, risks, opportunities
// keywords: تعزز, يعزز, تعزيز, تضعف, يضعف, إضعاف, سيناريو, سيناريوهات, السيناريوهات, مستقبل, المستقبل, المستقبلية, آفاق, قد, تعميق, عوامل, العوامل, مخاطر, فرص
CALL () {
  MATCH (f:Event) WHERE f.certainty = 'expected'
  RETURN 'strengthen' AS effect, f
  UNION
  // An expected deal of one side with an outsider (a US–Iran nuclear deal, a Russian understanding
  // with the West) pulls the two apart; one between them brings them closer.
  MATCH (f:Agreement) WHERE f.certainty = 'expected'
  RETURN CASE WHEN size([(a:Actor)-[:PARTY_TO]->(f) WHERE NOT a.id IN ['iran', 'russia'] | a]) > 0
                   AND size([(a:Actor)-[:PARTY_TO]->(f) WHERE a.id IN ['iran', 'russia'] | a]) < 2
              THEN 'weaken' ELSE 'strengthen' END AS effect, f
  UNION
  MATCH (f:Constraint) WHERE f.certainty = 'expected'
  RETURN CASE WHEN coalesce(f.factor_kind, '') <> 'driver' THEN 'weaken' ELSE 'strengthen' END AS effect, f
  UNION
  MATCH (f:Constraint) WHERE coalesce(f.certainty, '') <> 'expected'
  RETURN CASE WHEN f.factor_kind IN ['driver', 'opportunity'] THEN 'strengthen' ELSE 'weaken' END AS effect, f
  UNION
  MATCH (f:Friction) WHERE NOT coalesce(f.historical, false)
  RETURN 'weaken' AS effect, f
  UNION
  MATCH (f:Agreement) WHERE f.status IN ['negotiated', 'stalled', 'frozen']
  RETURN 'strengthen' AS effect, f
}
WITH effect, f WHERE $effect IS NULL OR effect = $effect
WITH effect, f ORDER BY CASE WHEN effect = 'weaken' THEN 0 ELSE 1 END, head(labels(f)), coalesce(f.factor, f.summary, f.label, f.id) LIMIT toInteger($limit)
CALL (f) {
  OPTIONAL MATCH (f)-[:IMPOSED_BY|BETWEEN|INVOLVES_THIRD_PARTY|CHARACTERIZES|MEASURES]->(a:Actor)
  RETURN collect(DISTINCT coalesce(a.name_en, a.label, a.id)) AS actors
}
CALL (f) {
  MATCH (f)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 25
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, f.certainty)}) AS quotes
}
RETURN effect, coalesce(f.factor, f.summary, f.label, f.id) AS factor,
       head([l IN labels(f)]) + coalesce(' / ' + f.factor_kind, '') AS kind, actors, f.certainty AS certainty, quotes,
       [f.id] AS _ids, f.label AS _label, f.label_ar AS _label_ar
ORDER BY CASE WHEN effect = 'weaken' THEN 0 ELSE 1 END, kind, factor

// name: unconfirmed
// description: What the sources report as alleged, unconfirmed, expected or denied: the fact, who is involved, and the hedged quotes.
// param: levels list default=[alleged, reported, denied] fill=certainty -- certainty levels to list
// param: limit int default=200 -- at most this many rows (the first in the order below)
// returns: certainty, kind, fact, actors, quotes, _ids, _label, _label_ar
// example-en: what do the sources report as alleged or unconfirmed?
// example-en: which claims are unverified or denied?
// example-en: what are the reports and allegations?
// example-ar: ما الذي تورده المصادر على أنه مزعوم أو غير مؤكد؟
// example-ar: ما هي الادعاءات والتقارير غير المؤكدة؟
// keywords: alleged, allegedly, allegation, allegations, unconfirmed, unverified, reportedly, rumor, rumour, claims, denied, deny, uncertain
// keywords: مزعوم, مزعومة, المزعومة, ادعاء, ادعاءات, غير مؤكد, غير مؤكدة, تقارير, يزعم, تزعم, نفى, نفت, تنفي, ينفي, إشاعات, شائعات, يقال, مزاعم
CALL () {
  MATCH (f:Event) RETURN f
  UNION ALL
  MATCH (f:Agreement) RETURN f
  UNION ALL
  MATCH (f:Friction) RETURN f
  UNION ALL
  MATCH (f:Constraint) RETURN f
  UNION ALL
  MATCH (f:Indicator) RETURN f
  UNION ALL
  MATCH (f:Stance) RETURN f
}
WITH f WHERE f.certainty IN $levels OR EXISTS { MATCH (f)-[e:EVIDENCED_BY]->() WHERE e.certainty IN $levels }
WITH f ORDER BY f.certainty, head(labels(f)), coalesce(f.label, f.summary, f.factor, f.characterization, f.id) LIMIT toInteger($limit)
CALL (f) {
  OPTIONAL MATCH (f)-[:IMPOSED_BY|BETWEEN|INVOLVES_THIRD_PARTY|CHARACTERIZES|MEASURES]->(a:Actor)
  RETURN collect(DISTINCT coalesce(a.name_en, a.label, a.id)) AS direct
}
CALL (f) {
  OPTIONAL MATCH (a:Actor)-[:PARTICIPATED_IN|PARTY_TO]->(f)
  RETURN collect(DISTINCT coalesce(a.name_en, a.label, a.id)) AS participants
}
CALL (f) {
  MATCH (f)-[e:EVIDENCED_BY]->(p:Passage)
  WHERE f.certainty IN $levels OR e.certainty IN $levels
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 25
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, f.certainty)}) AS quotes
}
RETURN CASE WHEN f.certainty IN $levels THEN f.certainty ELSE head([q IN quotes | q.certainty]) END AS certainty,
       head([l IN labels(f)]) AS kind,
       coalesce(f.label, f.summary, f.factor, f.characterization, f.id) AS fact,
       direct + [x IN participants WHERE NOT x IN direct] AS actors, quotes,
       [f.id] AS _ids, f.label AS _label, f.label_ar AS _label_ar
ORDER BY certainty, kind, fact

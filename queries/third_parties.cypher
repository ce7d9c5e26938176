// name: third_parties
// description: Third parties in the relationship and their role (mediator, constraint, partner, adversary), with the facts and up to 25 quotes.
// param: actor string default=null fill=actor -- one third party (id or name), or null for all
// param: pair list default=[iran, russia] -- the two sides (ids); everyone else is a third party
// param: limit int default=200 -- at most this many rows (the first in the order below)
// returns: third_party, role, via, facts, quotes, _ids, _label, _label_ar
// example-en: which third parties matter in Iran Russia relations and what role do they play?
// example-en: what role do the United States and Israel play?
// example-en: who mediates between the parties?
// example-ar: ما هي الأطراف الثالثة في العلاقات الإيرانية الروسية وما دورها؟
// example-ar: ما دور الولايات المتحدة وإسرائيل؟
// keywords: third party, third parties, role, roles, mediators, partners, mediator, mediate, mediates, mediation, adversary, adversaries, other countries, outside powers, influence
// keywords: طرف ثالث, أطراف ثالثة, الأطراف الثالثة, الأطراف الأخرى, دور, دورها, وسيط, وساطة, توسط, توسطت, خصم, خصوم, القوى الخارجية, الدول الأخرى
CALL () {
  MATCH (fact)-[r:INVOLVES_THIRD_PARTY]->(a:Actor) WHERE NOT a.id IN $pair
  RETURN a, coalesce(r.role, CASE WHEN fact:Constraint THEN 'constraint' WHEN fact:Friction THEN 'adversary' ELSE 'involved' END) AS role, fact
  UNION
  MATCH (fact:Constraint)-[:IMPOSED_BY]->(a:Actor) WHERE NOT a.id IN $pair
  RETURN a, 'constraint' AS role, fact
  UNION
  MATCH (a:Actor)-[r:PARTICIPATED_IN]->(fact:Event)
  WHERE r.role IN ['mediator', 'host', 'guarantor', 'observer', 'partner', 'adversary', 'target', 'sponsor'] AND NOT a.id IN $pair
  RETURN a, r.role AS role, fact
  UNION
  MATCH (fact:Friction)-[:BETWEEN]->(a:Actor) WHERE NOT a.id IN $pair
  RETURN a, 'adversary' AS role, fact
  UNION
  MATCH (a:Actor)-[:PARTY_TO]->(fact:Agreement) WHERE NOT a.id IN $pair
  RETURN a, 'partner' AS role, fact
}
WITH a, role, fact
WHERE NOT a.id IN $pair
  AND NOT EXISTS { MATCH (a)-[:OFFICIAL_OF]->(st:Actor) WHERE st.id IN $pair }
  AND ($actor IS NULL OR a.id = $actor OR toLower(a.name_en) = toLower($actor) OR a.name_ar = $actor OR $actor IN coalesce(a.aliases, []))
WITH a, role, collect(DISTINCT fact) AS facts
ORDER BY size(facts) DESC, coalesce(a.name_en, a.label, a.id), role LIMIT toInteger($limit)
CALL (facts) {
  UNWIND facts[..25] AS f
  MATCH (f)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH DISTINCT e, p, s, f ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 25
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, f.certainty)}) AS quotes
}
RETURN coalesce(a.name_en, a.label, a.id) AS third_party, role,
       reduce(vs = [], f IN facts | CASE WHEN head(labels(f)) IN vs THEN vs ELSE vs + head(labels(f)) END) AS via,
       [f IN facts[..10] | coalesce(f.label, f.factor, f.summary, f.id)]
         + CASE WHEN size(facts) > 10 THEN ['and ' + toString(size(facts) - 10) + ' more'] ELSE [] END AS facts, quotes,
       [f IN facts | f.id] AS _ids, null AS _label, null AS _label_ar
ORDER BY size(facts) DESC, third_party, role

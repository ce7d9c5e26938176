// name: actor_profile
// description: What an actor has done and said: the events it took part in (with its role), its statements, the agreements it is party to, the constraints and frictions it stands behind or in, with quotes.
// param: actor string default=null fill=actor -- actor id or name
// param: limit int default=100 -- at most this many facts
// returns: fact, kind, role, date, certainty, quotes, _ids, _label, _label_ar
// example-en: what has Lavrov done and said?
// example-en: what role does Oman play, according to the sources?
// example-en: what did Sullivan reveal?
// example-ar: ماذا فعل لافروف وماذا قال؟
// example-ar: ما هو دور سلطنة عمان؟
// keywords: done, did, said, say, says, stated, declared, announced, revealed, position of, profile, actions, what has, statements
// keywords: فعل, فعلت, قال, قالت, صرح, صرحت, أعلن, أعلنت, كشف, أكد, أكدت, موقف, مواقف, تصريحات, ماذا فعل, ماذا قال
MATCH (a:Actor)
WHERE a.id = $actor OR toLower(a.name_en) = toLower($actor) OR a.name_ar = $actor OR $actor IN coalesce(a.aliases, [])
CALL (a) {
  MATCH (a)-[r:PARTICIPATED_IN]->(f:Event) RETURN f, r.role AS role
  UNION
  MATCH (a)-[:PARTY_TO]->(f:Agreement) RETURN f, 'party' AS role
  UNION
  MATCH (f:Constraint)-[:IMPOSED_BY]->(a) RETURN f, 'behind the constraint' AS role
  UNION
  MATCH (f:Friction)-[:BETWEEN]->(a) RETURN f, 'side' AS role
  UNION
  MATCH (f)-[:INVOLVES_THIRD_PARTY]->(a) RETURN f, 'third party' AS role
  UNION
  MATCH (f:Indicator)-[:MEASURES]->(a) RETURN f, 'measured' AS role
}
WITH f, collect(DISTINCT role) AS roles
ORDER BY f.date IS NULL, f.date DESC
LIMIT toInteger($limit)
CALL (f) {
  MATCH (f)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 25
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, f.certainty)}) AS quotes
}
RETURN coalesce(f.label, f.factor, f.summary, f.id) AS fact, head(labels(f)) AS kind,
       reduce(s = '', r IN roles | s + CASE WHEN s = '' THEN '' ELSE ', ' END + r) AS role,
       f.date AS date, f.certainty AS certainty, quotes, [f.id] AS _ids, f.label AS _label, f.label_ar AS _label_ar
ORDER BY date IS NULL, date DESC

// name: entity_facts
// description: The facts that connect the named actors, items, topics and agreements (the subgraph around them), most connected first, with quotes.
// param: entities list default=[] fill=entities -- ids of actors, items, topics, agreements
// param: limit int default=60 -- at most this many facts
// returns: fact, kind, certainty, date, matched, quotes, _ids, _label, _label_ar
// example-en: what links Oman, Iran and the United States?
// example-en: everything about the Su-35 and Russia
// example-ar: كل ما يتعلق بسلطنة عمان وإيران
// example-ar: ماذا تقول المصادر عن بوشهر وروسيا؟
// keywords: everything about, all about, anything about, facts about, tell me about
// keywords: كل ما يتعلق, كل شيء عن, معلومات عن, حدثني عن
// One fact per row, however it touches the entities: as participant, party, side, third party,
// the one behind a constraint, what an indicator measures, what a fact concerns or is about.
UNWIND $entities AS ref
CALL (ref) {
  MATCH (a:Actor {id: ref})-[:PARTICIPATED_IN|PARTY_TO]->(f) RETURN f
  UNION
  MATCH (f)-[:BETWEEN|INVOLVES_THIRD_PARTY|IMPOSED_BY|MEASURES|CHARACTERIZES]->(a:Actor {id: ref}) RETURN f
  UNION
  MATCH (f)-[:CONCERNS]->(i:Item {id: ref}) RETURN f
  UNION
  MATCH (f)-[:ABOUT|CONSTRAINS]->(t:Topic {id: ref}) RETURN f
  UNION
  MATCH (f:Agreement {id: ref}) RETURN f
  UNION
  MATCH (f)-[:CONCERNS]->(ag:Agreement {id: ref}) RETURN f
}
WITH f, collect(DISTINCT ref) AS refs
WHERE NOT f:Actor AND NOT f:Topic AND NOT f:Item
WITH f, size(refs) AS matched
ORDER BY matched DESC, f.date DESC
LIMIT toInteger($limit)
CALL (f) {
  MATCH (f)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 25
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, f.certainty)}) AS quotes
}
RETURN coalesce(f.label, f.factor, f.summary, f.id) AS fact, head(labels(f)) AS kind,
       f.certainty AS certainty, f.date AS date, matched, quotes, [f.id] AS _ids, f.label AS _label, f.label_ar AS _label_ar
ORDER BY matched DESC, size(quotes) DESC

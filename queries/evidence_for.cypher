// name: evidence_for
// description: Evidence for any node, by id or name: every quote, its document, passage, offsets and certainty.
// param: node string default=null fill=node -- node id, or a name / label (English or Arabic)
// returns: node, kind, id, certainty, quotes
// example-en: what is the evidence for the strategic partnership treaty?
// example-en: show the sources and quotes about the Su-35
// example-en: evidence for Putin
// example-ar: ما الدليل على معاهدة الشراكة الاستراتيجية الشاملة؟
// example-ar: ما هي المصادر والاقتباسات عن سوخوي 35؟
// keywords: say about, says about, said about, what do the sources say, according to, evidence, proof, source for, sources for, quote, quotes, cite, citation, where does it say, who says, backing, support for
// keywords: ماذا تقول المصادر عن, ماذا قيل عن, دليل, الدليل, أدلة, الأدلة, مصدر, المصادر عن, اقتباس, اقتباسات, أين ورد, من قال, إثبات, شواهد
// One branch per label, so ids are looked up through the id constraints; names are compared
// on the small entity labels and on agreements (whose names people quote), not on every fact.
CALL () {
  MATCH (n:Actor) WHERE n.id = $node OR toLower(n.name_en) = toLower($node) OR n.name_ar = $node OR $node IN coalesce(n.aliases, [])
  RETURN n
  UNION
  MATCH (n:Item) WHERE n.id = $node OR toLower(n.label) = toLower($node) OR n.name_ar = $node
       OR (size($node) >= 4 AND (toLower(n.label) CONTAINS toLower($node) OR any(x IN coalesce(n.names, []) WHERE toLower(x) CONTAINS toLower($node))))
  RETURN n
  UNION
  MATCH (n:Topic) WHERE n.id = $node OR toLower(n.label) = toLower($node) OR n.name_ar = $node
  RETURN n
  UNION
  MATCH (n:Agreement) WHERE n.id = $node OR toLower(n.label) = toLower($node) OR $node IN coalesce(n.names, [])
       OR (size($node) >= 4 AND (toLower(n.label) CONTAINS toLower($node) OR any(x IN coalesce(n.names, []) WHERE toLower(x) CONTAINS toLower($node))))
  RETURN n
  UNION
  MATCH (n:Event {id: $node}) RETURN n
  UNION
  MATCH (n:Friction {id: $node}) RETURN n
  UNION
  MATCH (n:Constraint {id: $node}) RETURN n
  UNION
  MATCH (n:Indicator {id: $node}) RETURN n
  UNION
  MATCH (n:Stance {id: $node}) RETURN n
}
WITH n ORDER BY CASE WHEN n.id = $node OR toLower(n.label) = toLower($node) THEN 0 ELSE 1 END LIMIT 25
CALL (n) {
  MATCH (n)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  RETURN {quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
          start: e.start, end: e.end, certainty: coalesce(e.certainty, n.certainty)} AS q
  UNION
  MATCH (p:Passage)-[m:MENTIONS]->(n)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  RETURN {quote: coalesce(m.quote, p.text), doc: coalesce(s.file, p.file, p.doc), passage: p.idx, start: p.start, end: p.end, certainty: 'mention'} AS q
}
WITH n, q ORDER BY q.doc, q.passage
WITH n, collect(q)[..50] AS quotes
RETURN coalesce(n.label, n.name_en, n.id) AS node, head([l IN labels(n) WHERE l <> 'Actor'] + labels(n)) AS kind,
       n.id AS id, n.certainty AS certainty, quotes
ORDER BY size(quotes) DESC

// name: disagreements
// description: Where the sources disagree: opposite characterizations of the relationship, and facts whose dates or figures differ by source.
// returns: kind, subject, field, claims, quotes
// example-en: where do the sources disagree?
// example-en: which dates and figures conflict between sources?
// example-en: do the documents contradict each other?
// example-ar: أين تختلف المصادر؟
// example-ar: ما التواريخ والأرقام المتضاربة بين المصادر؟
// example-ar: هل تتناقض الوثائق فيما بينها؟
// keywords: disagree, disagreement, disagreements, conflict, conflicting, contradict, contradiction, differ, different figures, inconsistent, discrepancy
// keywords: تختلف, اختلاف, اختلافات, تتناقض, تناقض, تضارب, متضاربة, المتضاربة, تباين, متناقضة, خلاف المصادر
CALL () {
  MATCH (s1:Stance), (s2:Stance)
  WHERE elementId(s1) < elementId(s2)
    AND coalesce(s1.source, '') <> coalesce(s2.source, '')
    AND ((s1.polarity = 'positive' AND s2.polarity = 'negative') OR (s1.polarity = 'negative' AND s2.polarity = 'positive'))
  OPTIONAL MATCH (s1)-[e1:EVIDENCED_BY]->(p1:Passage)
  OPTIONAL MATCH (s2)-[e2:EVIDENCED_BY]->(p2:Passage)
  WITH s1, s2, collect(DISTINCT {quote: coalesce(e1.quote, p1.text), doc: coalesce(e1.file, s1.source), passage: p1.idx, certainty: e1.certainty}) +
               collect(DISTINCT {quote: coalesce(e2.quote, p2.text), doc: coalesce(e2.file, s2.source), passage: p2.idx, certainty: e2.certainty}) AS quotes
  RETURN 'stance' AS kind, 'the relationship' AS subject, 'polarity' AS field,
         [s1.source + ': ' + s1.characterization + ' (' + s1.polarity + ')',
          s2.source + ': ' + s2.characterization + ' (' + s2.polarity + ')'] AS claims,
         [q IN quotes WHERE q.quote IS NOT NULL] AS quotes
  UNION ALL
  MATCH (n)-[e:EVIDENCED_BY]->(p:Passage)
  WITH n, e, p, [k IN keys(e) WHERE k STARTS WITH 'claim_'] AS ks
  UNWIND ks AS k
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH n, substring(k, 6) AS field, collect({value: toString(e[k]), doc: coalesce(s.file, e.file, e.doc), quote: coalesce(e.quote, p.text), passage: p.idx, certainty: e.certainty}) AS cl
  WITH n, field, cl, reduce(vals = [], c IN cl | CASE WHEN c.value IN vals THEN vals ELSE vals + c.value END) AS vals
  WHERE size(vals) > 1
  RETURN head([l IN labels(n) WHERE l <> 'Actor']) AS kind, coalesce(n.label, n.id) AS subject, field,
         [c IN cl | c.doc + ': ' + c.value] AS claims,
         [c IN cl | {quote: c.quote, doc: c.doc, passage: c.passage, certainty: c.certainty}] AS quotes
  UNION ALL
  MATCH (n)
  WHERE (n:Indicator OR n:Agreement OR n:Event) AND size(coalesce(n.conflicts, [])) > 0
    AND NOT EXISTS { MATCH (n)-[e:EVIDENCED_BY]->() WHERE any(k IN keys(e) WHERE k STARTS WITH 'claim_') }
  CALL (n) {
    MATCH (n)-[e:EVIDENCED_BY]->(p:Passage)
    OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
    RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx, certainty: e.certainty}) AS quotes
  }
  RETURN head([l IN labels(n) WHERE l <> 'Actor']) AS kind, coalesce(n.label, n.id) AS subject,
         reduce(s = '', c IN n.conflicts | s + CASE WHEN s = '' THEN '' ELSE ', ' END + c) AS field,
         CASE WHEN n.values_json IS NULL THEN [] ELSE [n.values_json] END AS claims, quotes
}
RETURN kind, subject, field, claims, quotes
ORDER BY kind, subject, field

// name: disagreements
// description: Where the sources disagree: opposite characterizations of the relationship, and facts whose dates or figures differ by source.
// param: limit int default=200 -- at most this many rows (the first in the order below)
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
  MATCH (s1:Stance {polarity: 'positive'}), (s2:Stance {polarity: 'negative'})
  WHERE coalesce(s1.source, '') <> coalesce(s2.source, '')
  WITH s1.source AS src1, s2.source AS src2, collect(DISTINCT s1) AS pos, collect(DISTINCT s2) AS neg
  CALL (pos, neg) {
    UNWIND pos + neg AS st
    MATCH (st)-[e:EVIDENCED_BY]->(p:Passage)
    OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
    WITH DISTINCT e, p, s, st ORDER BY st.polarity DESC, coalesce(s.file, e.file, e.doc), p.idx
    RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                    certainty: coalesce(e.certainty, st.certainty)}) AS quotes
  }
  RETURN 'stance' AS kind, 'the relationship' AS subject, 'polarity' AS field,
         [src1 + ' (positive): ' + reduce(t = '', x IN pos | t + CASE WHEN t = '' THEN '' ELSE '; ' END + x.characterization),
          src2 + ' (negative): ' + reduce(t = '', x IN neg | t + CASE WHEN t = '' THEN '' ELSE '; ' END + x.characterization)] AS claims,
         quotes
  UNION ALL
  MATCH (n)
  WHERE (n:Agreement OR n:Indicator OR n:Event OR n:Friction OR n:Constraint) AND COUNT { (n)-[:EVIDENCED_BY]->() } > 1
  MATCH (n)-[e:EVIDENCED_BY]->(p:Passage)
  // Only claims that carry a value (a date, a figure, a status), not the extractor's cue words.
  WITH n, e, p, [k IN keys(e) WHERE k IN ['claim_date', 'claim_value', 'claim_unit', 'claim_signed', 'claim_ratified',
       'claim_in_force', 'claim_duration_years', 'claim_articles', 'claim_status', 'claim_amount', 'claim_count']] AS ks
  UNWIND ks AS k
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH n, e, p, s, k ORDER BY coalesce(s.file, e.file, e.doc), p.idx
  WITH n, substring(k, 6) AS field, collect({value: toString(e[k]), doc: coalesce(s.file, e.file, e.doc), quote: coalesce(e.quote, p.text), passage: p.idx, certainty: e.certainty}) AS cl
  WITH n, field, cl, reduce(vals = [], c IN cl | CASE WHEN c.value IN vals THEN vals ELSE vals + c.value END) AS vals,
       reduce(docs = [], c IN cl | CASE WHEN c.doc IN docs THEN docs ELSE docs + c.doc END) AS docs
  WHERE size(vals) > 1 AND size(docs) > 1
  RETURN head([l IN labels(n) WHERE l <> 'Actor']) AS kind, coalesce(n.label, n.id) AS subject, field,
         [c IN cl | c.doc + ': ' + c.value] AS claims,
         [c IN cl | {quote: c.quote, doc: c.doc, passage: c.passage, certainty: c.certainty}] AS quotes
  UNION ALL
  MATCH (n)
  WHERE (n:Indicator OR n:Agreement OR n:Event) AND size(coalesce(n.conflicts, [])) > 0
    AND NOT EXISTS { MATCH (n)-[e:EVIDENCED_BY]->() WHERE e.claim_date IS NOT NULL OR e.claim_value IS NOT NULL }
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
LIMIT $limit

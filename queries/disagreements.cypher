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
  // One row per pair of opposite characterizations, each with the sources that give it.
  MATCH (s1:Stance {polarity: 'positive'})
  WITH s1.characterization AS c1, collect(s1) AS pos
  WITH collect({c: c1, st: pos}) AS groups
  MATCH (s2:Stance {polarity: 'negative'})
  WITH groups, s2.characterization AS c2, collect(s2) AS neg
  UNWIND groups AS g
  WITH g.c AS c1, g.st AS pos, c2, neg
  // Some positive and some negative statement come from different documents.
  WHERE any(x IN pos WHERE x.source <> head(neg).source) OR any(y IN neg WHERE y.source <> head(pos).source)
  WITH c1, pos, c2, neg,
       reduce(ds = [], x IN pos[..50] | CASE WHEN x.source IN ds THEN ds ELSE ds + x.source END) AS d1,
       reduce(ds = [], x IN neg[..50] | CASE WHEN x.source IN ds THEN ds ELSE ds + x.source END) AS d2
  CALL (pos, neg) {
    UNWIND pos[..3] + neg[..3] AS st
    MATCH (st)-[e:EVIDENCED_BY]->(p:Passage)
    OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
    WITH DISTINCT e, p, s, st ORDER BY st.polarity DESC, coalesce(s.file, e.file, e.doc), p.idx
    RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                    certainty: coalesce(e.certainty, st.certainty)}) AS quotes
  }
  RETURN 'stance' AS kind, 'the relationship' AS subject, 'polarity' AS field,
         [c1 + ' (positive) — ' + reduce(t = '', d IN d1[..5] | t + CASE WHEN t = '' THEN '' ELSE ', ' END + d)
             + CASE WHEN size(pos) > 5 THEN ' (' + toString(size(pos)) + ' statements)' ELSE '' END,
          c2 + ' (negative) — ' + reduce(t = '', d IN d2[..5] | t + CASE WHEN t = '' THEN '' ELSE ', ' END + d)
             + CASE WHEN size(neg) > 5 THEN ' (' + toString(size(neg)) + ' statements)' ELSE '' END] AS claims,
         quotes
  UNION ALL
  // Facts stated by several documents whose evidence gives different values (a date, a figure, a status).
  CALL () {
    MATCH (n:Agreement) RETURN n
    UNION ALL
    MATCH (n:Indicator) RETURN n
    UNION ALL
    MATCH (n:Event) RETURN n
  }
  WITH n WHERE COUNT { (n)-[:EVIDENCED_BY]->() } > 1
  MATCH (n)-[e:EVIDENCED_BY]->(p:Passage)
  WHERE e.claims_json IS NOT NULL
  // Evidence is grouped by the values it gives (`claims_json`, one property) before the fields are
  // read and unwound: a fact stated by thousands of passages has only a few distinct claim sets.
  WITH n, e.claims_json AS claimset, collect(DISTINCT coalesce(e.file, p.file, e.doc)) AS docs, collect([e, p])[..2] AS sample
  WITH n, docs, head(sample)[0] AS e1,
       [x IN sample | {quote: coalesce(x[0].quote, x[1].text), doc: coalesce(x[0].file, x[1].file, x[0].doc), passage: x[1].idx,
                       certainty: x[0].certainty}] AS qs
  // Only the fields this claim set gives (claim_date, claim_value, ...), whatever they are.
  UNWIND [k IN keys(e1) WHERE k STARTS WITH 'claim_' AND k <> 'claims_json'] AS k
  WITH n, substring(k, 6) AS field, toString(e1[k]) AS value, docs, qs
  WITH n, field, value, collect(docs) AS docss, collect(qs) AS qss
  WITH n, field, value,
       reduce(ds = [], x IN docss | ds + [d IN x WHERE NOT d IN ds]) AS docs,
       reduce(all = [], x IN qss | all + x)[..2] AS qs
  ORDER BY value
  WITH n, field, collect({value: value, docs: docs, qs: qs}) AS byval
  WHERE size(byval) > 1 AND any(b IN byval WHERE any(d IN b.docs WHERE NOT d IN head(byval).docs))
  RETURN head([l IN labels(n) WHERE l <> 'Actor']) AS kind, coalesce(n.label, n.id) AS subject, field,
         [b IN byval[..10] | b.value + ' — ' + reduce(t = '', d IN b.docs[..5] | t + CASE WHEN t = '' THEN '' ELSE ', ' END + d)
             + CASE WHEN size(b.docs) > 5 THEN ' and ' + toString(size(b.docs) - 5) + ' more' ELSE '' END] AS claims,
         reduce(all = [], b IN byval[..5] | all + b.qs) AS quotes
  UNION ALL
  // Facts the resolver marked as conflicting without per-evidence values.
  CALL () {
    MATCH (n:Agreement) RETURN n
    UNION ALL
    MATCH (n:Indicator) RETURN n
    UNION ALL
    MATCH (n:Event) RETURN n
  }
  WITH n WHERE size(coalesce(n.conflicts, [])) > 0
    AND NOT EXISTS { MATCH (n)-[e:EVIDENCED_BY]->() WHERE e.claim_date IS NOT NULL OR e.claim_value IS NOT NULL }
  CALL (n) {
    MATCH (n)-[e:EVIDENCED_BY]->(p:Passage)
    OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
    WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 10
    RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx, certainty: e.certainty}) AS quotes
  }
  RETURN head([l IN labels(n) WHERE l <> 'Actor']) AS kind, coalesce(n.label, n.id) AS subject,
         reduce(s = '', c IN n.conflicts | s + CASE WHEN s = '' THEN '' ELSE ', ' END + c) AS field,
         CASE WHEN n.values_json IS NULL THEN [] ELSE [n.values_json] END AS claims, quotes
}
RETURN kind, subject, field, claims, quotes
ORDER BY kind, subject, field
LIMIT toInteger($limit)

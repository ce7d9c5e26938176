// name: stances
// description: How each source characterizes the relationship (alliance, partnership, marriage of convenience...), with polarity and quotes.
// param: source string default=null -- a document file name, or null for every source
// param: limit int default=200 -- at most this many rows (the first in the order below)
// returns: source, title, characterization, polarity, subjects, quotes, _ids, _label, _label_ar
// example-en: how does each source characterize the relationship?
// example-en: is it an alliance or a partnership according to the sources?
// example-en: how do the documents describe Iran Russia relations?
// example-en: what kind of relationship do Iran and Russia have?
// example-ar: كيف يصف كل مصدر العلاقة بين إيران وروسيا؟
// example-ar: هل العلاقة تحالف أم شراكة بحسب المصادر؟
// example-ar: ما طبيعة العلاقة بين إيران وروسيا؟
// keywords: kind of relationship, what kind, nature, characterize, characterise, describe, describes, view, views, assess, assessment, alliance, partnership, marriage of convenience, nature of the relationship, each source
// keywords: يصف, تصف, توصيف, وصف, طبيعة العلاقة, تحالف, شراكة, زواج مصلحة, تقييم, يرى, ترى, المصادر
MATCH (st:Stance)
OPTIONAL MATCH (st)-[:STATED_IN]->(src:Source)
WITH st, src
WHERE $source IS NULL OR src.file = $source OR st.source = $source OR src.id = $source
WITH st, src ORDER BY coalesce(src.file, st.source), st.polarity, st.characterization LIMIT toInteger($limit)
CALL (st) {
  OPTIONAL MATCH (st)-[:CHARACTERIZES]->(a:Actor)
  RETURN collect(DISTINCT coalesce(a.name_en, a.label, a.id)) AS subjects
}
CALL (st) {
  MATCH (st)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 25
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, st.certainty)}) AS quotes
}
RETURN coalesce(src.file, st.source) AS source, coalesce(src.title_en, src.title, src.title_ar, src.label) AS title,
       st.characterization AS characterization, st.polarity AS polarity, subjects, quotes,
       [st.id] AS _ids, st.label AS _label, st.label_ar AS _label_ar
ORDER BY source, polarity, characterization

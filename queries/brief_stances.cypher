// name: brief_stances
// description: How each source of a brief's selection characterizes the relationship: source, characterization, polarity, certainty, up to 10 quotes (with topics, the sources that state a fact on one of them).
// param: topics list default=null fill=topic -- topic ids: stances of the sources that state a fact about one
// param: actor string default=null fill=actor -- actor id whose relationship the stance characterizes
// param: limit int default=600 -- at most this many stances; `total` says how many matched
// returns: id, source, title, title_ar, characterization, polarity, certainty, label, label_ar, n_quotes, quotes, total
// example-en: which source characterizes the relationship how, as a table?
// example-ar: كيف يصف كل مصدر العلاقة، في جدول؟
// keywords: stance table, source stances, جدول المواقف
// Stances carry no date: a brief's years do not select them.
MATCH (st:Stance)
OPTIONAL MATCH (st)-[:STATED_IN]->(src:Source)
WITH st, src
WHERE ($actor IS NULL OR EXISTS { MATCH (st)-[:CHARACTERIZES]->(a:Actor) WHERE a.id = $actor })
  AND ($topics IS NULL OR EXISTS {
        MATCH (src)-[:HAS_PASSAGE]->(:Passage)<-[:EVIDENCED_BY]-(f)-[:ABOUT|CONSTRAINS]->(t:Topic) WHERE t.id IN $topics })
WITH st, src, COUNT { (st)-[:EVIDENCED_BY]->() } AS n_quotes
ORDER BY coalesce(src.file, st.source), st.characterization, st.id
WITH collect({st: st, src: src, n: n_quotes}) AS matched
UNWIND matched[..toInteger($limit)] AS m
WITH m.st AS st, m.src AS src, m.n AS n_quotes, size(matched) AS total
CALL (st) {
  MATCH (st)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 10
  RETURN collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, st.certainty)}) AS quotes
}
RETURN st.id AS id, coalesce(src.file, st.source) AS source, coalesce(src.title_en, src.title, src.label, st.source) AS title,
       coalesce(src.title_ar, src.title) AS title_ar, st.characterization AS characterization, coalesce(st.polarity, 'neutral') AS polarity,
       coalesce(st.certainty, 'asserted') AS certainty, coalesce(st.label, st.characterization) AS label, st.label_ar AS label_ar,
       n_quotes, quotes, total
ORDER BY source, characterization

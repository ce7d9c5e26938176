// name: passage_context
// description: The sentences around quoted passages: for each passage given as FILE#INDEX, the passage before and the passage after it in its document.
// param: at list default=[] -- passages as FILE#INDEX (a document's file name and the passage index)
// returns: at, doc, passage, quotes
// example-en: show the sentences around passage 12 of 003_c355028cc66e09b5.txt
// example-en: what comes before and after this quote?
// example-ar: ما الجمل المحيطة بهذا الاقتباس؟
// example-ar: أظهر السياق حول الفقرة 12
// keywords: context, around, surrounding, before and after, sentences around
// keywords: السياق, المحيطة, قبل وبعد, الجمل المحيطة
// `irkg ask` shows the sentence after a quote as its context, so a quote that begins a thought is not cut off from it.
UNWIND $at AS ref
WITH ref, split(ref, '#') AS part
MATCH (s:Source {file: part[0]})-[:HAS_PASSAGE]->(p:Passage {id: s.id + ':' + part[1]})
OPTIONAL MATCH (nx:Passage {id: s.id + ':' + toString(p.idx + 1)})
OPTIONAL MATCH (pv:Passage {id: s.id + ':' + toString(p.idx - 1)})
RETURN ref AS at, s.file AS doc, p.idx AS passage,
       [x IN [nx, pv] WHERE x IS NOT NULL AND coalesce(x.kind, '') <> 'heading' |
        {quote: x.text, doc: s.file, passage: x.idx, start: x.start, end: x.end,
         certainty: CASE WHEN x = nx THEN 'context after' ELSE 'context before' END}] AS quotes

// name: passages_search
// description: Passages whose text matches search terms (full-text index with the arabic analyzer), best first, with their document and offsets.
// param: terms list default=[] fill=terms -- words or phrases to find (any of them); `irkg ask` bridges English terms to Arabic
// param: boosts list default=[] -- a weight per term (1 when missing)
// param: docs list default=[] -- only passages of these documents (file names), or [] for every document
// param: limit int default=20 -- at most this many passages
// returns: passage, doc, score, quotes
// example-en: find the passages that mention the Rasht–Astara railway
// example-en: search the documents for drones and Ukraine
// example-ar: ابحث في النصوص عن ممر الشمال والجنوب
// example-ar: ما الفقرات التي تذكر بوشهر؟
// keywords: passage, passages, search, search for, find text, mention, mentions, paragraph, paragraphs, full text
// keywords: ابحث, بحث, فقرة, فقرات, الفقرات, نصوص, النصوص, تذكر, يذكر, ورد, وردت
// The last resort of `irkg ask`: the index is Lucene's, so its own scoring (BM25 on stems) ranks.
// Each term is searched as a phrase, Lucene's own syntax taken out of it, so any text is a safe term.
WITH [t IN coalesce($terms, []) |
      trim(reduce(s = toString(t), c IN ['\\', '"', '+', '-', '!', '(', ')', '{', '}', '[', ']', '^', '~', '*', '?', ':', '/', '&', '|'] | replace(s, c, ' ')))] AS cleaned
WITH [i IN range(0, size(cleaned) - 1) WHERE cleaned[i] <> '' |
      '"' + cleaned[i] + '"^' + toString(coalesce(toFloat(coalesce($boosts, [])[i]), 1.0))] AS phrases
WHERE size(phrases) > 0
CALL db.index.fulltext.queryNodes('passage_text', reduce(q = head(phrases), p IN tail(phrases) | q + ' OR ' + p),
                                  {limit: toInteger(CASE WHEN size($docs) > 0 THEN 20 * $limit ELSE $limit END)}) YIELD node, score
OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(node)
WITH node, score, s WHERE size($docs) = 0 OR s.file IN $docs
WITH node, score, s ORDER BY score DESC LIMIT toInteger($limit)
// The sentences around a passage are its context: the one after first (a continuation), then the one before.
OPTIONAL MATCH (nx:Passage {id: node.doc + ':' + toString(node.idx + 1)})
OPTIONAL MATCH (pv:Passage {id: node.doc + ':' + toString(node.idx - 1)})
WITH node, score, s, [x IN [nx, pv] WHERE x IS NOT NULL AND coalesce(x.kind, '') <> 'heading'] AS around
RETURN node.id AS passage, coalesce(s.file, node.file) AS doc, score,
       [{quote: node.text, doc: coalesce(s.file, node.file), passage: node.idx, start: node.start, end: node.end,
         certainty: 'passage'}]
       + [x IN around | {quote: x.text, doc: coalesce(s.file, x.file), passage: x.idx, start: x.start, end: x.end,
                         certainty: 'context'}] AS quotes
ORDER BY score DESC

// Passages whose text matches a Lucene query on the `passage_text` full-text index, best first.
CALL db.index.fulltext.queryNodes('passage_text', $query, {limit: $limit}) YIELD node, score
RETURN node.id AS id, node.doc AS doc, node.text AS text, score
ORDER BY score DESC

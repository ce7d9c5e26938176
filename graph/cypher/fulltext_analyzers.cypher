// The Lucene analyzers the server offers for full-text indexes (we want `arabic`).
CALL db.index.fulltext.listAvailableAnalyzers() YIELD analyzer
RETURN analyzer

// name: sources
// description: The documents the graph holds: title, publisher, author, kind, publication date, language, and how many facts each states.
// returns: doc, title, title_ar, publisher, author, kind, published, lang, facts
// example-en: which documents does the graph hold?
// example-en: list the sources and their publishers
// example-ar: ما الوثائق التي يضمها الرسم البياني؟
// example-ar: ما هي المصادر وناشروها؟
// keywords: documents, which sources, list the sources, publishers, authors, papers, reports, loaded
// keywords: الوثائق, المصادر المتوفرة, الناشر, الناشرون, المؤلف, التقارير, الأوراق
// `irkg ask` also reads it to find the document a question names ("according to the Al-Akhbar analysis").
MATCH (s:Source)
CALL (s) {
  MATCH (s)-[:HAS_PASSAGE]->(:Passage)<-[:EVIDENCED_BY]-(f)
  RETURN count(DISTINCT f) AS facts
}
RETURN s.file AS doc, coalesce(s.title_en, s.title, s.label) AS title, s.title_ar AS title_ar, s.publisher AS publisher,
       s.author AS author, s.doc_kind AS kind, s.published AS published, s.lang AS lang, facts
ORDER BY doc

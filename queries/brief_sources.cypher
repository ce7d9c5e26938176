// name: brief_sources
// description: The documents a brief quotes: title in English and Arabic, publisher, author, publication date, language.
// param: files list default=null -- document file names (null: every document)
// returns: doc, title, title_ar, publisher, author, published, lang
// example-en: which documents does the brief quote?
// example-ar: ما الوثائق التي يقتبس منها الموجز؟
// keywords: brief sources, مصادر الموجز
MATCH (s:Source)
WHERE $files IS NULL OR s.file IN $files
RETURN s.file AS doc, coalesce(s.title_en, s.title, s.label, s.file) AS title, coalesce(s.title_ar, s.title) AS title_ar,
       s.publisher AS publisher, s.author AS author, s.published AS published, s.lang AS lang
ORDER BY doc

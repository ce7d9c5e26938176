// name: brief_scope
// description: What a brief's topic and actor name: the matching topics (id, id prefix, English or Arabic name) and actors (id, name, alias), most connected first.
// param: topic string default=null fill=topic -- topic id, id prefix (arms) or name
// param: actor string default=null fill=actor -- actor id, English or Arabic name, or alias
// returns: kind, id, label, label_ar, degree
// example-en: which topics and actors would a brief on arms deliveries cover?
// example-ar: ما الموضوعات والأطراف التي يغطيها موجز عن صفقات الأسلحة؟
// keywords: brief scope, report scope, نطاق الموجز
// `irkg report` reads it to turn --topic and --actor into the ids every other brief_* query takes.
CALL () {
  MATCH (t:Topic)
  WHERE $topic IS NOT NULL
    AND (t.id = $topic OR t.id STARTS WITH $topic + '_' OR $topic STARTS WITH t.id + '_'
         OR toLower(t.label) = toLower($topic) OR t.name_ar = $topic)
  RETURN 'topic' AS kind, t.id AS id, coalesce(t.label, t.id) AS label, t.name_ar AS label_ar, COUNT { (t)--() } AS degree
  UNION
  MATCH (a:Actor)
  WHERE $actor IS NOT NULL
    AND (a.id = $actor OR toLower(a.name_en) = toLower($actor) OR a.name_ar = $actor OR $actor IN coalesce(a.aliases, []))
  RETURN 'actor' AS kind, a.id AS id, coalesce(a.name_en, a.label, a.id) AS label, a.name_ar AS label_ar, COUNT { (a)--() } AS degree
}
RETURN kind, id, label, label_ar, degree
ORDER BY kind, degree DESC, id

// name: indicators
// description: Indicators over time (trade, energy, corridor, ...): value, unit and date, with the sources that give them.
// param: topic string default=null fill=topic -- topic id (trade, energy, transport...)
// param: actor string default=null fill=actor -- an actor the indicator measures
// param: year_from int default=null fill=year_from
// param: year_to int default=null fill=year_to
// param: limit int default=200 -- at most this many rows (the first in the order below)
// returns: what, date, value, unit, actors, sources, conflicting_values, quotes, _ids, _label, _label_ar
// example-en: how has trade between Iran and Russia changed over time?
// example-en: what is the trade volume between Iran and Russia?
// example-en: show the indicators and figures with their sources
// example-ar: كيف تطور حجم التبادل التجاري بين إيران وروسيا؟
// example-ar: ما هي الأرقام والمؤشرات الاقتصادية ومصادرها؟
// keywords: indicator, indicators, figure, figures, volume, value, how much, how many, how large, how big, size, large, worth, numbers, statistics, billion, million, percent, over time, growth, trade volume, changed
// keywords: مؤشر, مؤشرات, المؤشرات, أرقام, الأرقام, حجم, قيمة, إحصاءات, مليار, مليون, نسبة, تطور, نمو, التبادل التجاري, كم يبلغ, كم بلغ, كم حجم, ما حجم
MATCH (i:Indicator)
WHERE ($topic IS NULL OR i.topic = $topic OR i.topic STARTS WITH $topic + '_' OR $topic STARTS WITH i.topic + '_'
       OR toLower(i.what) CONTAINS replace($topic, '_', ' ')
       OR EXISTS { MATCH (i)-[:ABOUT]->(t:Topic) WHERE t.id = $topic })
  AND ($year_from IS NULL OR toInteger(left(i.date, 4)) >= $year_from)
  AND ($year_to IS NULL OR toInteger(left(i.date, 4)) <= $year_to)
  AND ($actor IS NULL OR EXISTS {
        MATCH (i)-[:MEASURES]->(a:Actor)
        WHERE a.id = $actor OR toLower(a.name_en) = toLower($actor) OR a.name_ar = $actor OR $actor IN coalesce(a.aliases, [])
      })
WITH i ORDER BY coalesce(i.what, i.label), i.date IS NULL, i.date LIMIT toInteger($limit)
CALL (i) {
  OPTIONAL MATCH (i)-[:MEASURES]->(a:Actor)
  RETURN collect(DISTINCT coalesce(a.name_en, a.label, a.id)) AS actors
}
CALL (i) {
  MATCH (i)-[e:EVIDENCED_BY]->(p:Passage)
  OPTIONAL MATCH (s:Source)-[:HAS_PASSAGE]->(p)
  WITH e, p, s ORDER BY coalesce(s.file, e.file, e.doc), p.idx LIMIT 25
  RETURN collect(DISTINCT coalesce(s.file, e.file, e.doc)) AS sources,
         collect({quote: coalesce(e.quote, p.text), doc: coalesce(s.file, e.file, e.doc), passage: p.idx,
                  start: e.start, end: e.end, certainty: coalesce(e.certainty, i.certainty)}) AS quotes
}
RETURN coalesce(i.what, i.label) AS what, i.date AS date, i.value AS value, i.unit AS unit, actors, sources,
       i.values_json AS conflicting_values, quotes,
       [i.id] AS _ids, i.label AS _label, i.label_ar AS _label_ar
ORDER BY what, date IS NULL, date

// name: topics
// description: The topics in the graph with how many facts concern each (use the ids as the `topic` parameter).
// returns: topic, name_ar, facts, constraints
// example-en: which topics does the graph cover?
// example-en: list the topics
// example-ar: ما هي المواضيع التي يغطيها الرسم البياني؟
// keywords: topics, subjects, themes, list topics, areas of cooperation
// keywords: المواضيع, موضوعات, الموضوعات, مجالات التعاون, محاور
MATCH (t:Topic)
CALL (t) {
  OPTIONAL MATCH (f)-[:ABOUT|CONSTRAINS]->(t)
  RETURN count(DISTINCT f) AS facts, count(DISTINCT CASE WHEN f:Constraint THEN f END) AS constraints
}
RETURN t.id AS topic, t.name_ar AS name_ar, facts, constraints
ORDER BY facts DESC, topic

// name: synth_graph
// description: Write one batch of synthetic documents straight into the graph model (bench only): sources, passages, facts with evidence and links.
// params: $docs — [{id, file, passages: [{id, idx, start, end, text}], facts: [{label, id, props, evidence: [{passage, start, end, props}], links: [{type, actor, role, out}], topics: [id], topic_rel}]}]
UNWIND $docs AS d
MERGE (s:Source {id: d.id})
SET s.file = d.file, s.label = d.file, s.lang = 'ar', s.complete = true
WITH s, d
CALL (s, d) {
  UNWIND d.passages AS pr
  MERGE (p:Passage {id: pr.id})
  SET p.doc = d.id, p.file = d.file, p.idx = pr.idx, p.start = pr.start, p.end = pr.end, p.text = pr.text
  MERGE (s)-[:HAS_PASSAGE]->(p)
}
CALL (d) {
  UNWIND d.facts AS fr
  // Static labels per branch so each MERGE uses the id constraint's index.
  CALL (fr) {
    WITH fr WHERE fr.label = 'Event' MERGE (f:Event {id: fr.id}) RETURN f
    UNION ALL
    WITH fr WHERE fr.label = 'Agreement' MERGE (f:Agreement {id: fr.id}) RETURN f
    UNION ALL
    WITH fr WHERE fr.label = 'Constraint' MERGE (f:Constraint {id: fr.id}) RETURN f
    UNION ALL
    WITH fr WHERE fr.label = 'Friction' MERGE (f:Friction {id: fr.id}) RETURN f
    UNION ALL
    WITH fr WHERE fr.label = 'Indicator' MERGE (f:Indicator {id: fr.id}) RETURN f
    UNION ALL
    WITH fr WHERE fr.label = 'Stance' MERGE (f:Stance {id: fr.id}) RETURN f
  }
  SET f += fr.props
  WITH f, fr
  CALL (f, fr) {
    UNWIND fr.evidence AS ev
    MATCH (p:Passage {id: ev.passage})
    MERGE (f)-[e:EVIDENCED_BY {start: ev.start, end: ev.end}]->(p)
    SET e += ev.props
  }
  CALL (f, fr) {
    UNWIND fr.links AS l
    MATCH (a:Actor {id: l.actor})
    FOREACH (_ IN CASE WHEN l.out THEN [1] ELSE [] END | MERGE (f)-[r:$(l.type)]->(a))
    FOREACH (_ IN CASE WHEN l.out THEN [] ELSE [1] END | MERGE (a)-[r:$(l.type)]->(f) SET r.role = l.role)
  }
  CALL (f, fr) {
    UNWIND fr.topics AS tid
    MATCH (t:Topic {id: tid})
    MERGE (f)-[:$(fr.topic_rel)]->(t)
  }
}

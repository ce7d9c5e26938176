// name: synth_entities
// description: Write the actors and topics the synthetic documents refer to (bench only).
// params: $actors — [{id, label, props}]; $topics — [{id, props}]
UNWIND $actors AS ar
MERGE (a:Actor {id: ar.id})
SET a += ar.props, a:$(ar.label)
WITH count(*) AS actors
UNWIND $topics AS tr
MERGE (t:Topic {id: tr.id})
SET t += tr.props
RETURN actors, count(*) AS topics

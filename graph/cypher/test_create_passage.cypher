// Create one bare passage (tests of the full-text index use it; the loaders write real ones).
CREATE (p:Passage {id: $id, doc: $doc, text: $text})
RETURN p.id AS id

// name: source_contributions
// description: What the given documents contributed to merged nodes: one "label<TAB>id<TAB>variant key" per node, stored when the document was loaded.
// params: $docs — document ids
MATCH (s:Source)
WHERE s.id IN $docs
UNWIND coalesce(s.contributions, []) AS contribution
RETURN collect(contribution) AS contributions

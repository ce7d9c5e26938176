// Every index with its kind, state and options (the full-text analyzer), for `irkg schema show`.
SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties, owningConstraint, options
RETURN name, type, state, labelsOrTypes AS labels, properties, owningConstraint,
       options.indexConfig['fulltext.analyzer'] AS analyzer
ORDER BY name

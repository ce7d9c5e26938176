// Every constraint with its kind, label and properties, for `irkg schema show` and apply's report.
SHOW CONSTRAINTS YIELD name, type, labelsOrTypes, properties
RETURN name, type, labelsOrTypes AS labels, properties
ORDER BY name

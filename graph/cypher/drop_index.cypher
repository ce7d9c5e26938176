// Drop one index by name (tests reset the schema with it).
DROP INDEX $name IF EXISTS

// Drop one constraint by name (tests reset the schema with it).
DROP CONSTRAINT $name IF EXISTS

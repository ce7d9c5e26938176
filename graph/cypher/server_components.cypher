// The server's name, version and edition, as `irkg neo4j status` reports them.
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition

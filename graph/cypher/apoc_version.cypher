// The APOC version if APOC core is loaded; fails with an unknown-function error otherwise.
RETURN apoc.version() AS version

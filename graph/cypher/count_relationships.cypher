// name: count_relationships
// description: Number of relationships per type, one column per RelType (read from the count store).
// params: none
RETURN
  COUNT { ()-[:HAS_PASSAGE]->() } AS HAS_PASSAGE,
  COUNT { ()-[:EVIDENCED_BY]->() } AS EVIDENCED_BY,
  COUNT { ()-[:MENTIONS]->() } AS MENTIONS,
  COUNT { ()-[:PARTICIPATED_IN]->() } AS PARTICIPATED_IN,
  COUNT { ()-[:PARTY_TO]->() } AS PARTY_TO,
  COUNT { ()-[:CONCERNS]->() } AS CONCERNS,
  COUNT { ()-[:ABOUT]->() } AS ABOUT,
  COUNT { ()-[:BETWEEN]->() } AS BETWEEN,
  COUNT { ()-[:INVOLVES_THIRD_PARTY]->() } AS INVOLVES_THIRD_PARTY,
  COUNT { ()-[:CONSTRAINS]->() } AS CONSTRAINS,
  COUNT { ()-[:IMPOSED_BY]->() } AS IMPOSED_BY,
  COUNT { ()-[:OFFICIAL_OF]->() } AS OFFICIAL_OF,
  COUNT { ()-[:STATED_IN]->() } AS STATED_IN,
  COUNT { ()-[:CHARACTERIZES]->() } AS CHARACTERIZES,
  COUNT { ()-[:MEASURES]->() } AS MEASURES

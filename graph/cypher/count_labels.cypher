// name: count_labels
// description: Number of nodes per label, one column per label of the schema (read from the count store).
// params: none
RETURN
  COUNT { (:Source) } AS Source,
  COUNT { (:Passage) } AS Passage,
  COUNT { (:Actor) } AS Actor,
  COUNT { (:State) } AS State,
  COUNT { (:Person) } AS Person,
  COUNT { (:Organization) } AS Organization,
  COUNT { (:Company) } AS Company,
  COUNT { (:Institution) } AS Institution,
  COUNT { (:Bloc) } AS Bloc,
  COUNT { (:ArmedGroup) } AS ArmedGroup,
  COUNT { (:Topic) } AS Topic,
  COUNT { (:Item) } AS Item,
  COUNT { (:Event) } AS Event,
  COUNT { (:Agreement) } AS Agreement,
  COUNT { (:Friction) } AS Friction,
  COUNT { (:Constraint) } AS Constraint,
  COUNT { (:Indicator) } AS Indicator,
  COUNT { (:Stance) } AS Stance

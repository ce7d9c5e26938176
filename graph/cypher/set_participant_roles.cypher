// name: set_participant_roles
// description: Set the role on each PARTICIPATED_IN of the given events from the event's merged record (so it does not depend on which document was loaded last).
// params: $rows — [{id, roles: {actor id: role}}]
UNWIND $rows AS row
MATCH (e:Event {id: row.id})<-[r:PARTICIPATED_IN]-(a:Actor)
SET r.role = row.roles[a.id]

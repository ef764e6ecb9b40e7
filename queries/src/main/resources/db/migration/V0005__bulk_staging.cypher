// A bulk import writes a large dataset in many transactions under staging labels that no query
// reads, then makes it visible in one transaction by relabelling. Relationships between staged
// items are created by id, so the staging labels need the same id indexes as the live ones.
CREATE INDEX staged_unit_id IF NOT EXISTS FOR (u:StagedUnit) ON (u.id);
CREATE INDEX staged_org_id IF NOT EXISTS FOR (o:StagedOrg) ON (o.id);
CREATE INDEX staged_member_id IF NOT EXISTS FOR (m:StagedMember) ON (m.id);

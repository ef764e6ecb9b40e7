// Members by status alone (members(filter: {status: PROBATIONARY}), a township's probationers
// across the store): a range index seek instead of reading every member.
CREATE INDEX member_status IF NOT EXISTS FOR (m:Member) ON (m.status);

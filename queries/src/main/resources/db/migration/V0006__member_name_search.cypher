// Searching members by name (members(filter: {nameContains})) without an org to start from: a text
// index answers CONTAINS without reading every member.
CREATE TEXT INDEX member_name IF NOT EXISTS FOR (m:Member) ON (m.name);

// Names found whatever the script (traditional or simplified), by pinyin or initials, and sorted in
// pinyin order: every Org, Member and Unit carries nameKey and nameSort (org.partygraph.model.NameKeys),
// written with the name on every write path. Nodes stored before this version get them from a Java
// backfill (write/NameKeysBackfill) run by Migrations just before this script.
// Text indexes on nameKey answer every nameContains filter with an index seek; the member one takes
// over the name of V0006's index on Member.name, so a member write still updates one text index.
DROP INDEX member_name IF EXISTS;
CREATE TEXT INDEX member_name IF NOT EXISTS FOR (m:Member) ON (m.nameKey);
CREATE TEXT INDEX org_name IF NOT EXISTS FOR (o:Org) ON (o.nameKey);
CREATE TEXT INDEX unit_name IF NOT EXISTS FOR (u:Unit) ON (u.nameKey);

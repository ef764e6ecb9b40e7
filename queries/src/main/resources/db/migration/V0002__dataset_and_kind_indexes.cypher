// Re-import finds and replaces a dataset's items by the dataset they came from.
CREATE INDEX org_dataset IF NOT EXISTS FOR (o:Org) ON (o.dataset);
CREATE INDEX unit_dataset IF NOT EXISTS FOR (u:Unit) ON (u.dataset);
CREATE INDEX member_dataset IF NOT EXISTS FOR (m:Member) ON (m.dataset);
// Pattern and rule queries start from orgs and units of one kind.
CREATE INDEX org_kind IF NOT EXISTS FOR (o:Org) ON (o.kind);
CREATE INDEX unit_kind IF NOT EXISTS FOR (u:Unit) ON (u.kind);

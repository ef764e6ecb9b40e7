// The event log (write.Events): every change, dated; looked up by id, by the items it is about, by date and by imported dataset.
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (e:Event) REQUIRE e.id IS UNIQUE;
CREATE INDEX event_org IF NOT EXISTS FOR (e:Event) ON (e.org);
CREATE INDEX event_other IF NOT EXISTS FOR (e:Event) ON (e.other);
CREATE INDEX event_member IF NOT EXISTS FOR (e:Event) ON (e.member);
CREATE INDEX event_on IF NOT EXISTS FOR (e:Event) ON (e.on);
CREATE INDEX event_imported IF NOT EXISTS FOR (e:Event) ON (e.imported);
// A dissolved org is kept as a DissolvedOrg; its id stays unique among them (and is refused to a new org).
CREATE CONSTRAINT dissolved_org_id IF NOT EXISTS FOR (o:DissolvedOrg) REQUIRE o.id IS UNIQUE;

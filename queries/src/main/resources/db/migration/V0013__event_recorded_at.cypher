// Past reads bring a kept present state up to date from the events recorded since it was read
// (PastStructure): an index seek on recordedAt, not a scan of the whole log.
CREATE INDEX event_recorded_at IF NOT EXISTS FOR (e:Event) ON (e.recordedAt);

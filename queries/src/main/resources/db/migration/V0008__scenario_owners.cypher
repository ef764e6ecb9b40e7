// Each saved scenario has an owner scope (s.owner): the scope root of who saved it, null for
// everything; only users whose scope covers it see, replace, delete or apply it. Scenarios saved
// before owners existed were visible to whoever saw their within: they get it as their owner, so
// everybody keeps seeing what they saw. Runs once (recorded as a SchemaMigration).
MATCH (s:Scenario)
WHERE s.owner IS NULL AND s.within IS NOT NULL
SET s.owner = s.within;

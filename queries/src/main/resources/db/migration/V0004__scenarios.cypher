// Saved restructuring scenarios, kept apart from the live graph: one (:Scenario) per name.
CREATE CONSTRAINT scenario_name IF NOT EXISTS FOR (s:Scenario) REQUIRE s.name IS UNIQUE;

// The development of new members (docs/contract.md section 8): candidates by id, and by dataset for an import's replace.
CREATE CONSTRAINT candidate_id IF NOT EXISTS FOR (c:Candidate) REQUIRE c.id IS UNIQUE;
CREATE INDEX candidate_dataset IF NOT EXISTS FOR (c:Candidate) ON (c.dataset);

// Membership transfers (組織關係轉接) kept as history: looked up by id, by org (into / out of) and by dataset.
CREATE CONSTRAINT transfer_id IF NOT EXISTS FOR (t:Transfer) REQUIRE t.id IS UNIQUE;
CREATE INDEX transfer_from IF NOT EXISTS FOR (t:Transfer) ON (t.from);
CREATE INDEX transfer_to IF NOT EXISTS FOR (t:Transfer) ON (t.to);
CREATE INDEX transfer_dataset IF NOT EXISTS FOR (t:Transfer) ON (t.dataset);

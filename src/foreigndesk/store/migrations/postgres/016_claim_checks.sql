-- Mirrors ../016_claim_checks.sql.
CREATE TABLE IF NOT EXISTS claim_checks (
  a BIGINT NOT NULL, b BIGINT NOT NULL, outcome INTEGER NOT NULL,
  PRIMARY KEY (a, b)
);
CREATE INDEX IF NOT EXISTS claim_checks_b ON claim_checks(b);

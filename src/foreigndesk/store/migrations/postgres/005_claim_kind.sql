-- Mirrors ../005_claim_kind.sql.
ALTER TABLE claims ADD COLUMN kind TEXT NOT NULL DEFAULT 'statement';
ALTER TABLE claims ADD COLUMN speaker_start BIGINT;
ALTER TABLE claims ADD COLUMN speaker_end BIGINT;
CREATE INDEX claims_kind ON claims(kind);

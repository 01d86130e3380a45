-- Mirrors ../004_votes_country.sql.
CREATE INDEX votes_country ON votes(country, rcid);

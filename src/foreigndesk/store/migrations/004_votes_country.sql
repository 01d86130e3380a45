-- A dyad's UN vote series reads one country's votes: index them by country.
CREATE INDEX votes_country ON votes(country, rcid);

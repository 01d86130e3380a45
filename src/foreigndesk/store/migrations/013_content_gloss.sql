-- The text a claim content is compared on (its first claim's content, or that claim's English
-- gloss for another language: analyze.clusters.matching_text), kept so that an update does not
-- gloss (segment, look up) the older contents it compares with again. NULL: not kept yet (a
-- content indexed before this column; the update fills it when it reads the content).
ALTER TABLE claim_contents ADD COLUMN matching TEXT;

-- Claims: the kind of claim (statement | belief | intention, from the cue: "said" / "believes"
-- / "wants") for the analyst's filter, and where the speaker is named in the text (the
-- pronoun or title of a resolved speaker; NULL for a turn label or the author).
ALTER TABLE claims ADD COLUMN kind TEXT NOT NULL DEFAULT 'statement';
ALTER TABLE claims ADD COLUMN speaker_start INTEGER;
ALTER TABLE claims ADD COLUMN speaker_end INTEGER;
CREATE INDEX claims_kind ON claims(kind);

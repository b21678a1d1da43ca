-- Justering seals the minutes: the canonical text is kept beside them, and neither the
-- sealed minutes, their § numbers nor the seal can be changed or deleted afterwards.
ALTER TABLE minutes ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;

CREATE TABLE seals (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings(id),
    canonical   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    signature   TEXT NOT NULL,
    public_key  TEXT NOT NULL,
    sealed_at   TEXT NOT NULL
);

CREATE TRIGGER minutes_sealed_no_update BEFORE UPDATE ON minutes WHEN OLD.sealed = 1
BEGIN SELECT RAISE(ABORT, 'protokollet är justerat och kan inte ändras'); END;
CREATE TRIGGER minutes_sealed_no_delete BEFORE DELETE ON minutes WHEN OLD.sealed = 1
BEGIN SELECT RAISE(ABORT, 'protokollet är justerat och kan inte tas bort'); END;
CREATE TRIGGER seals_no_update BEFORE UPDATE ON seals
BEGIN SELECT RAISE(ABORT, 'ett sigill kan inte ändras'); END;
CREATE TRIGGER seals_no_delete BEFORE DELETE ON seals
BEGIN SELECT RAISE(ABORT, 'ett sigill kan inte tas bort'); END;
CREATE TRIGGER paragraph_numbers_sealed BEFORE DELETE ON paragraph_numbers
WHEN EXISTS (SELECT 1 FROM minutes WHERE meeting_id = OLD.meeting_id AND sealed = 1)
BEGIN SELECT RAISE(ABORT, 'paragrafnummer i ett justerat protokoll kan inte tas bort'); END;

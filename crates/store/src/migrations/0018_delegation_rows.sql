-- Delegation decisions rebuilt for bulk imports (#20): no AUTOINCREMENT (every insert also
-- wrote sqlite_sequence; decisions are never deleted, so rowids are not reused anyway), no
-- foreign key to their import checked a million times (the import's row is written first,
-- in the same transaction, and the two are only ever written together), and the date as
-- its day number (chrono's days from the Common Era, 0001-01-01 = 1), which the index by
-- date compares as an integer instead of as text. A million rows: 5.7 s before, see
-- crates/app/benches/delegation_import.rs for today's figure.
CREATE TABLE delegation_rows (
    id          INTEGER PRIMARY KEY,
    import_id   INTEGER NOT NULL,
    line        INTEGER NOT NULL,
    item        TEXT NOT NULL,
    level       TEXT,
    day         INTEGER NOT NULL,
    decided_by  TEXT NOT NULL,
    role        TEXT NOT NULL,
    unit        TEXT NOT NULL,
    decision    TEXT NOT NULL,
    -- Not "outcome IN (…)": a list of three builds a temporary index on every insert.
    outcome     TEXT NOT NULL
                CHECK (outcome = 'bifall' OR outcome = 'avslag' OR outcome = 'annat'),
    reported_at INTEGER REFERENCES meetings (id)
);
INSERT INTO delegation_rows (id, import_id, line, item, level, day, decided_by, role, unit,
                             decision, outcome, reported_at)
SELECT id, import_id, line, item, level,
       CAST(round(julianday(date) - julianday('0001-01-01')) AS INTEGER) + 1, decided_by, role, unit, decision, outcome,
       reported_at
FROM delegation_decisions;
DROP TABLE delegation_decisions;
ALTER TABLE delegation_rows RENAME TO delegation_decisions;
CREATE INDEX delegation_decisions_by_day ON delegation_decisions (day);

-- Ej verkställda beslut stored once, as columns (no second copy as JSON, no index by date:
-- the reports read the whole register in key order): a million decisions take about twice
-- the CSV they came from. Offers and avbrott, rare lists, are JSON when there are any.
-- An import of a file is ONE entry of the audit log (file, checksum, counts); a decision it
-- created names that entry (created_by), and a decision it changed keeps its value before
-- in unenforced_history — the register's history, compactly.
CREATE TABLE unenforced_rows (
    id            TEXT PRIMARY KEY,
    service       TEXT NOT NULL,
    decision_date TEXT NOT NULL,
    gender        TEXT NOT NULL CHECK (gender IN ('K', 'M')),
    reason        INTEGER CHECK (reason BETWEEN 1 AND 3),
    reason_text   TEXT,
    unit          TEXT,
    enforced      TEXT,
    closed        TEXT,
    closed_why    TEXT,
    interruptions TEXT,
    offers        TEXT,
    body_id       INTEGER REFERENCES bodies(id),
    -- The audit entry of the import that created it (written in the same transaction,
    -- after the rows, when the counts are known: no foreign key to check a million times).
    created_by    INTEGER
) WITHOUT ROWID;

INSERT INTO unenforced_rows (id, service, decision_date, gender, reason, reason_text, unit,
                             enforced, closed, closed_why, interruptions, offers, body_id)
SELECT id, service, decision_date, gender, reason,
       json_extract(data_json, '$.reason_text'),
       json_extract(data_json, '$.unit'),
       enforced, closed,
       json_extract(data_json, '$.closed.why'),
       CASE WHEN json_array_length(data_json, '$.interruptions') > 0
            THEN json_extract(data_json, '$.interruptions') END,
       CASE WHEN json_array_length(data_json, '$.offers') > 0
            THEN json_extract(data_json, '$.offers') END,
       body_id
FROM unenforced_decisions;

DROP TABLE unenforced_decisions;
ALTER TABLE unenforced_rows RENAME TO unenforced_decisions;

CREATE TABLE unenforced_history (
    decision_id TEXT NOT NULL,
    audit_id    INTEGER NOT NULL,
    before_json TEXT NOT NULL,
    PRIMARY KEY (decision_id, audit_id)
) WITHOUT ROWID;

-- The history only grows, as the log it belongs to.
CREATE TRIGGER unenforced_history_no_update BEFORE UPDATE ON unenforced_history
BEGIN SELECT RAISE(ABORT, 'registrets historik kan inte ändras'); END;
CREATE TRIGGER unenforced_history_no_delete BEFORE DELETE ON unenforced_history
BEGIN SELECT RAISE(ABORT, 'registrets historik kan inte rensas'); END;

-- Ej verkställda beslut: the register of favourable decisions (no names, no personnummer:
-- the id is the unit's own code), and the audit log of every change and every read of rows.
CREATE TABLE unenforced_decisions (
    id             TEXT PRIMARY KEY,
    service        TEXT NOT NULL,
    decision_date  TEXT NOT NULL,
    gender         TEXT NOT NULL CHECK (gender IN ('K', 'M')),
    reason         INTEGER CHECK (reason BETWEEN 1 AND 3),
    enforced       TEXT,
    closed         TEXT,
    data_json      TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX unenforced_decisions_by_date ON unenforced_decisions (decision_date);

CREATE TABLE IF NOT EXISTS audit_log (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    at           TEXT NOT NULL,
    actor        TEXT NOT NULL,
    action       TEXT NOT NULL,
    entity       TEXT NOT NULL,
    entity_id    TEXT,
    before_json  TEXT,
    after_json   TEXT
);
CREATE INDEX IF NOT EXISTS audit_log_by_entity ON audit_log (entity, entity_id);

-- The log only grows.
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'granskningsloggen kan inte ändras'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'granskningsloggen kan inte rensas'); END;

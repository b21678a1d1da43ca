-- Fail closed: who classified an imported § for publication, the statistics that have been
-- before the nämnd (the only ones the public sees), API tokens that expire and can be
-- revoked, and accounts that can be disabled.

-- Klassificering: one row per § of a meeting that a rule or a person classified. A § stored
-- secret in the sealed minutes is never published whatever this says.
CREATE TABLE paragraph_classifications (
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
    number      INTEGER NOT NULL,
    public      INTEGER NOT NULL CHECK (public IN (0, 1)),
    ground      TEXT NOT NULL CHECK (length(ground) > 0),
    decided_by  TEXT NOT NULL,
    decided_at  TEXT NOT NULL,
    PRIMARY KEY (meeting_id, number)
);

-- The monthly statistics of ej verkställda beslut as placed before the nämnd: aggregates
-- only (JSON), one row per report date and meeting.
CREATE TABLE unenforced_presented (
    report_date TEXT NOT NULL,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
    report      TEXT NOT NULL,
    PRIMARY KEY (report_date, meeting_id)
);

ALTER TABLE api_tokens ADD COLUMN expires TEXT;
ALTER TABLE api_tokens ADD COLUMN revoked TEXT;
ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;

-- The nämnd whose register row it is (ej verkställda beslut): only those who work in it read
-- the row. Rows without one are read by nobody on the web.
ALTER TABLE unenforced_decisions ADD COLUMN body_id INTEGER REFERENCES bodies(id);

-- Verksamhetsuppföljning: follow-up reports (summary, tables, goal tree, uppdrag as checked
-- JSON), budget lines from the finance system's export, and key figures from Kolada.
-- Numbered 0006: 0005 belongs to another change; the statements are idempotent so the order
-- of the two on merge does not matter.
CREATE TABLE IF NOT EXISTS followup_reports (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    body          TEXT NOT NULL CHECK (length(trim(body)) > 0),
    period_start  TEXT NOT NULL,
    period_end    TEXT NOT NULL CHECK (period_end >= period_start),
    source        TEXT NOT NULL,
    data_json     TEXT NOT NULL,
    imported_at   TEXT NOT NULL,
    UNIQUE (body, period_start, period_end)
);

CREATE TABLE IF NOT EXISTS followup_budget_lines (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    body           TEXT NOT NULL CHECK (length(trim(body)) > 0),
    period_start   TEXT NOT NULL,
    period_end     TEXT NOT NULL CHECK (period_end >= period_start),
    position       INTEGER NOT NULL,
    label          TEXT NOT NULL CHECK (length(trim(label)) > 0),
    parent         TEXT,
    kind           TEXT NOT NULL CHECK (kind IN ('row', 'part', 'varav')),
    unit           TEXT NOT NULL CHECK (unit IN ('kr', 'tkr', 'mnkr')),
    budget         REAL,
    outcome        REAL,
    annual_budget  REAL,
    forecast       REAL,
    source         TEXT NOT NULL,
    UNIQUE (body, period_start, period_end, label)
);

CREATE TABLE IF NOT EXISTS followup_kpi_values (
    kpi           TEXT NOT NULL,
    municipality  TEXT NOT NULL,
    period        TEXT NOT NULL,
    gender        TEXT NOT NULL CHECK (gender IN ('Alla', 'Kvinnor', 'Män')),
    value         REAL,
    source        TEXT NOT NULL,
    PRIMARY KEY (kpi, municipality, period, gender)
);

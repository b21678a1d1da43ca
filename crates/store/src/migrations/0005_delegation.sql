-- Delegation: the versions of a delegationsordning (the order itself as JSON, checked by the
-- core when read), the delegation decisions reported by the units, the files they came
-- from (a file is imported once), who held which role when, and the förvaltningschef's
-- vidaredelegation.
CREATE TABLE delegation_orders (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    title           TEXT NOT NULL,
    case_number     TEXT,
    effective_from  TEXT,
    revised         TEXT,
    valid_until     TEXT,
    source          TEXT,
    data_json       TEXT NOT NULL,
    imported_at     TEXT NOT NULL
);
CREATE INDEX delegation_orders_by_title ON delegation_orders (title, id);

CREATE TABLE delegation_imports (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    sha256       TEXT NOT NULL UNIQUE,
    file         TEXT NOT NULL,
    rows         INTEGER NOT NULL,
    imported_at  TEXT NOT NULL
);

CREATE TABLE delegation_decisions (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    import_id   INTEGER NOT NULL REFERENCES delegation_imports (id),
    line        INTEGER NOT NULL,
    item        TEXT NOT NULL,
    level       TEXT,
    date        TEXT NOT NULL,
    decided_by  TEXT NOT NULL,
    role        TEXT NOT NULL,
    unit        TEXT NOT NULL,
    decision    TEXT NOT NULL,
    outcome     TEXT NOT NULL CHECK (outcome IN ('bifall', 'avslag', 'annat'))
);
CREATE INDEX delegation_decisions_by_date ON delegation_decisions (date);

CREATE TABLE delegation_role_holders (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    person     TEXT NOT NULL,
    role       TEXT NOT NULL,
    from_date  TEXT NOT NULL,
    to_date    TEXT,
    CHECK (to_date IS NULL OR to_date >= from_date)
);

CREATE TABLE delegation_further (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    item       TEXT NOT NULL,
    role       TEXT NOT NULL,
    from_date  TEXT NOT NULL,
    to_date    TEXT,
    CHECK (to_date IS NULL OR to_date >= from_date)
);

-- The foundation: organisation, registry, meetings and minutes.
CREATE TABLE municipality (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    org_nr      TEXT
);

CREATE TABLE bodies (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE,
    short_name  TEXT,
    kind        TEXT NOT NULL,
    parent_id   INTEGER REFERENCES bodies(id)
);

CREATE TABLE terms (
    id          INTEGER PRIMARY KEY,
    from_date   TEXT NOT NULL,
    to_date     TEXT NOT NULL,
    UNIQUE (from_date, to_date)
);

CREATE TABLE persons (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    email       TEXT
);
CREATE INDEX persons_name ON persons(name);

CREATE TABLE memberships (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES persons(id),
    body_id     INTEGER NOT NULL REFERENCES bodies(id),
    role        TEXT NOT NULL,
    position    TEXT,
    party       TEXT,
    term_id     INTEGER REFERENCES terms(id),
    from_date   TEXT NOT NULL,
    to_date     TEXT
);
CREATE INDEX memberships_body ON memberships(body_id);

CREATE TABLE officials (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES persons(id),
    title       TEXT NOT NULL,
    unit        TEXT
);

-- Running numbers per kind ('dnr', 'handling'), series ('' when none) and year.
CREATE TABLE counters (
    kind        TEXT NOT NULL,
    series      TEXT NOT NULL,
    year        INTEGER NOT NULL,
    last        INTEGER NOT NULL,
    PRIMARY KEY (kind, series, year)
);

CREATE TABLE cases (
    id          INTEGER PRIMARY KEY,
    dnr         TEXT NOT NULL UNIQUE,
    dnr_json    TEXT NOT NULL,
    series      TEXT NOT NULL,
    year        INTEGER NOT NULL,
    sequence    INTEGER NOT NULL,
    class       TEXT,
    title       TEXT NOT NULL,
    body_id     INTEGER REFERENCES bodies(id),
    secrecy     TEXT NOT NULL,
    status      TEXT NOT NULL,
    registered  TEXT NOT NULL,
    handler     TEXT,
    UNIQUE (series, year, sequence)
);

CREATE TABLE documents (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id),
    year        INTEGER NOT NULL,
    number      INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    title       TEXT NOT NULL,
    date        TEXT NOT NULL,
    direction   TEXT NOT NULL,
    counterpart TEXT,
    file        TEXT,
    secrecy     TEXT NOT NULL,
    UNIQUE (year, number)
);
CREATE INDEX documents_case ON documents(case_id);

CREATE TABLE meetings (
    id          INTEGER PRIMARY KEY,
    body_id     INTEGER NOT NULL REFERENCES bodies(id),
    date        TEXT NOT NULL,
    state       TEXT NOT NULL,
    data        TEXT NOT NULL
);
CREATE INDEX meetings_body_date ON meetings(body_id, date);

CREATE TABLE minutes (
    meeting_id  INTEGER PRIMARY KEY REFERENCES meetings(id),
    data        TEXT NOT NULL
);

-- § numbers run per body and calendar year: the primary key keeps them unique.
CREATE TABLE paragraph_numbers (
    body_id     INTEGER NOT NULL REFERENCES bodies(id),
    year        INTEGER NOT NULL,
    number      INTEGER NOT NULL,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id),
    PRIMARY KEY (body_id, year, number)
);

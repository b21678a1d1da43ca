-- Local accounts, sessions and API tokens of the web application, and the audit log.
CREATE TABLE users (
    id              INTEGER PRIMARY KEY,
    username        TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    password_hash   TEXT NOT NULL,
    role            TEXT NOT NULL,
    person_id       INTEGER REFERENCES persons(id),
    failed_logins   INTEGER NOT NULL DEFAULT 0,
    locked_until    TEXT
);

-- Which bodies a ledamot/ersättare or handläggare works in (their documents they may read).
CREATE TABLE user_bodies (
    user_id     INTEGER NOT NULL REFERENCES users(id),
    body_id     INTEGER NOT NULL REFERENCES bodies(id),
    PRIMARY KEY (user_id, body_id)
);

-- Sessions and API tokens are stored as SHA-256 of the secret, never the secret itself.
CREATE TABLE sessions (
    token_hash  TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    csrf        TEXT NOT NULL,
    expires     TEXT NOT NULL
);

CREATE TABLE api_tokens (
    token_hash  TEXT PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    label       TEXT NOT NULL,
    created     TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL,
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT,
    before_json TEXT,
    after_json  TEXT
);

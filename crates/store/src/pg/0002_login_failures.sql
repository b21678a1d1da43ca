-- Failed logins per key (a client address, or an address and a name), shared by every
-- instance on the database so that a throttle cannot be passed by going to another one.
-- Unlogged (a crash forgets them, which is harmless) and without the generation's trigger:
-- a flood of failed logins must not empty every instance's page cache.
CREATE UNLOGGED TABLE login_failures (
    key     TEXT PRIMARY KEY,
    count   BIGINT NOT NULL,
    last_at BIGINT NOT NULL
);
CREATE INDEX login_failures_by_time ON login_failures (last_at);

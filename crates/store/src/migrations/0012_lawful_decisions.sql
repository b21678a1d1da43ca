-- Anmälan (KL 6 kap. 40 §): the meeting at which each delegation decision was reported to
-- the nämnd; an urgent ordförandebeslut (6 kap. 39 §) is on the list to report until then.
ALTER TABLE delegation_decisions ADD COLUMN reported_at INTEGER REFERENCES meetings (id);

-- Ersättarordning (KL 6 kap. 16–17 §§): the order in which a body's ersättare enter, per
-- body and start date; a later start is a new version, the same start replaces it.
CREATE TABLE substitute_orders (
    body_id    INTEGER NOT NULL REFERENCES bodies (id),
    from_date  TEXT NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (body_id, from_date)
);

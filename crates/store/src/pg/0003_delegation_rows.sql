-- Version 18 (as SQLite's migrations/0018_delegation_rows.sql): a delegation decision's
-- date as its day number (chrono's days from the Common Era, 0001-01-01 = 1), which the
-- index by date compares as an integer.
ALTER TABLE delegation_decisions ADD COLUMN day BIGINT;
UPDATE delegation_decisions SET day = (date::date - DATE '0001-01-01') + 1;
ALTER TABLE delegation_decisions ALTER COLUMN day SET NOT NULL;
DROP INDEX delegation_decisions_by_date;
ALTER TABLE delegation_decisions DROP COLUMN date;
CREATE INDEX delegation_decisions_by_day ON delegation_decisions (day);

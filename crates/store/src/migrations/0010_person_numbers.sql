-- A person's personnummer is kept only as a keyed hash, to match the rows of a
-- förtroendemannaregister export to the same person; it is never shown or published.
ALTER TABLE persons ADD COLUMN pnr_key TEXT;
CREATE UNIQUE INDEX persons_pnr_key ON persons(pnr_key) WHERE pnr_key IS NOT NULL;

-- Administration of accounts: when each user last logged in.
ALTER TABLE users ADD COLUMN last_login TEXT;

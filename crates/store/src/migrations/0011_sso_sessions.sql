-- Sessions started through the municipality's identity provider (single sign-on).
ALTER TABLE sessions ADD COLUMN single_sign_on INTEGER NOT NULL DEFAULT 0;

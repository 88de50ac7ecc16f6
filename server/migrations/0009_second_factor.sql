-- TOTP second factor (SPEC.md "Accounts": optional, mandatory for the roles the configuration names).
-- The secret must be readable to check codes, so it is stored as the authenticator app holds it (base32):
-- backups of this table are as sensitive as the users' phones. last_step makes each code work once.
CREATE TABLE second_factors (
  user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  secret TEXT NOT NULL,
  confirmed_at BIGINT,
  last_step BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);

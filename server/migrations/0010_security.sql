-- Security fixes of issue 10.
-- Login throttling by growing delays (never an outright lock): the time of the latest failure decides how long
-- the next attempt of the same key waits.
ALTER TABLE login_throttle ADD COLUMN last_failure_at BIGINT NOT NULL DEFAULT 0;

-- Password-reset requests are queued and answered by a background step, so the request itself does the same
-- work whether the ID exists or not (its timing tells nothing).
CREATE TABLE password_reset_requests (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL,
  ip TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- Secrets of this installation, created on first use (e.g. the key that turns a seeker into a different handle
-- for every facility). Readable by the server only; a backup holds them like the rest of the database.
CREATE TABLE installation_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- Notifications (in-app, with their mail state), persistent cursors of change-log consumers that must not
-- miss a change across restarts, and once-per-period job runs shared by every process.

CREATE TABLE notifications (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  link TEXT,
  dedupe_key TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  read_at BIGINT,
  mail_state TEXT NOT NULL
);
CREATE INDEX notifications_user ON notifications (user_id, created_at);
CREATE INDEX notifications_mail ON notifications (mail_state);

CREATE TABLE projection_cursors (
  name TEXT PRIMARY KEY,
  seq BIGINT NOT NULL
);

CREATE TABLE job_runs (
  job TEXT NOT NULL,
  period TEXT NOT NULL,
  ran_at BIGINT NOT NULL,
  PRIMARY KEY (job, period)
);

-- The work-environment centre's meetings (issue 15, "meetings and minutes"): series (運営協議会, 実務者連絡調整会議)
-- with the labour bureau's registered address and the days within which minutes must be sent, meetings with
-- their participants (network members who confirm the minutes) and invited bodies, agenda items with outcomes,
-- action items carried onto later meetings until done, the minutes (議事概要) with every participant's
-- confirmation or comment, the log of their sending through the mail outbox, and each meeting's history.
CREATE TABLE workenv_meeting_series (
  id TEXT PRIMARY KEY,
  prefecture TEXT NOT NULL,
  kind TEXT NOT NULL,               -- council 運営協議会, liaison 実務者連絡調整会議
  title TEXT NOT NULL,
  bureau_email TEXT NOT NULL,       -- the labour bureau's registered address the locked minutes are mailed to
  minutes_due_days INTEGER NOT NULL, -- minutes not sent this many days after the meeting are late
  invited TEXT NOT NULL,            -- the usual invited bodies, one per line (医師会, 看護協会, …)
  created_by TEXT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX workenv_meeting_series_prefecture ON workenv_meeting_series (prefecture, kind);
CREATE TABLE workenv_meetings (
  id TEXT PRIMARY KEY,
  series_id TEXT NOT NULL REFERENCES workenv_meeting_series (id),
  prefecture TEXT NOT NULL,
  held_on TEXT NOT NULL,            -- YYYY-MM-DD
  place TEXT NOT NULL,
  invited TEXT NOT NULL,            -- the invited bodies present, one per line
  minutes_status TEXT NOT NULL,     -- none, draft 下書き, confirming 確認依頼中, locked 確定・送付済み
  minutes_body TEXT NOT NULL,
  minutes_version INTEGER NOT NULL, -- 0 before the first draft; every save after that adds one
  locked_at BIGINT,
  created_by TEXT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX workenv_meetings_series ON workenv_meetings (series_id, held_on);
CREATE INDEX workenv_meetings_prefecture ON workenv_meetings (prefecture, held_on);
CREATE TABLE workenv_meeting_participants (
  meeting_id TEXT NOT NULL REFERENCES workenv_meetings (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (meeting_id, user_id)
);
CREATE TABLE workenv_meeting_items (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES workenv_meetings (id),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  outcome_kind TEXT,                -- shared 共有, decided 決定, action 対応事項; NULL before the meeting
  outcome TEXT NOT NULL
);
CREATE INDEX workenv_meeting_items_meeting ON workenv_meeting_items (meeting_id, position);
-- An action item stays on every later meeting's agenda of its series until it is done.
CREATE TABLE workenv_meeting_actions (
  id TEXT PRIMARY KEY,
  series_id TEXT NOT NULL REFERENCES workenv_meeting_series (id),
  meeting_id TEXT NOT NULL REFERENCES workenv_meetings (id),
  title TEXT NOT NULL,
  owner TEXT NOT NULL,              -- a person or body, by name
  due_date TEXT NOT NULL,
  status TEXT NOT NULL,             -- open, done
  done_on TEXT,
  created_by TEXT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX workenv_meeting_actions_series ON workenv_meeting_actions (series_id, status);
-- Each participant's answers to the minutes (the latest one counts), with the version they read.
CREATE TABLE workenv_minutes_responses (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES workenv_meetings (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  decision TEXT NOT NULL,           -- confirmed 確認済み, commented コメントあり
  comment TEXT NOT NULL,
  version INTEGER NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX workenv_minutes_responses_meeting ON workenv_minutes_responses (meeting_id, at);
-- Every sending of locked minutes: the outbox mail (its delivery state is read from mail_outbox).
CREATE TABLE workenv_minutes_sends (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES workenv_meetings (id),
  mail_id TEXT NOT NULL,
  to_address TEXT NOT NULL,
  version INTEGER NOT NULL,
  sent_by TEXT REFERENCES users (id),
  at BIGINT NOT NULL
);
CREATE INDEX workenv_minutes_sends_meeting ON workenv_minutes_sends (meeting_id, at);
CREATE TABLE workenv_meeting_history (
  id TEXT PRIMARY KEY,
  meeting_id TEXT NOT NULL REFERENCES workenv_meetings (id),
  at BIGINT NOT NULL,
  by_user TEXT REFERENCES users (id),
  event TEXT NOT NULL,              -- created, agenda, action, minutes_saved, minutes_sent_for_confirmation, confirmed, commented, locked, mailed
  detail TEXT NOT NULL
);
CREATE INDEX workenv_meeting_history_meeting ON workenv_meeting_history (meeting_id, at);

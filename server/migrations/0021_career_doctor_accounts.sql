-- The doctor's own account (issue 13): the career centre invites a registry doctor by the e-mail address in the
-- registry; the doctor accepts with a seeker account (new or their own), then reads their plan and ledger, confirms
-- a plan in 本人確認 and asks the centre for changes.

-- Which seeker account is the registry doctor's. A doctor has at most one; an account may be linked to the records
-- of more than one centre (a doctor who moved prefectures).
CREATE TABLE career_doctor_accounts (
  doctor_id TEXT PRIMARY KEY REFERENCES career_doctors (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  linked_at BIGINT NOT NULL
);
CREATE INDEX career_doctor_accounts_user ON career_doctor_accounts (user_id);

-- Invitations mailed with a one-time link; only the digest of the token is stored (as for account_tokens).
CREATE TABLE career_invitations (
  token_digest TEXT PRIMARY KEY,
  doctor_id TEXT NOT NULL REFERENCES career_doctors (id),
  email TEXT NOT NULL,                    -- where it was sent, as the registry had it then
  created_by TEXT NOT NULL REFERENCES users (id),
  created_by_name TEXT NOT NULL,          -- the person and organisation as people read them, kept as written
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT                          -- accepted, or replaced by a newer invitation
);
CREATE INDEX career_invitations_doctor ON career_invitations (doctor_id, created_at);

-- The doctor's requests for a change of plan: a message to the centre, shown in its queue until handled.
CREATE TABLE career_change_requests (
  id TEXT PRIMARY KEY,
  doctor_id TEXT NOT NULL REFERENCES career_doctors (id),
  user_id TEXT NOT NULL REFERENCES users (id),
  author_name TEXT NOT NULL,
  body TEXT NOT NULL,
  plan_version INTEGER,                   -- the plan version the doctor was looking at
  created_at BIGINT NOT NULL,
  handled_at BIGINT,
  handled_by TEXT REFERENCES users (id),
  handled_by_name TEXT,
  reply TEXT
);
CREATE INDEX career_change_requests_doctor ON career_change_requests (doctor_id, created_at);

-- Applications and coordination: a seeker's inquiry, application or contact request on a posting, its stage
-- history, the match a coordinator establishes, messages, coordination records, interviews and training.

CREATE TABLE applications (
  id TEXT PRIMARY KEY,
  posting_id TEXT NOT NULL REFERENCES postings (id),
  seeker_id TEXT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL,
  stage TEXT NOT NULL,
  message TEXT,
  consent INTEGER NOT NULL,
  matched_at BIGINT,
  matched_by TEXT,
  coordinator_org_id TEXT REFERENCES organisations (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (posting_id, seeker_id)
);
CREATE INDEX applications_seeker ON applications (seeker_id, updated_at);
CREATE INDEX applications_posting ON applications (posting_id, updated_at);

CREATE TABLE application_events (
  id {{serial}},
  application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  at BIGINT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_login TEXT NOT NULL,
  from_stage TEXT,
  to_stage TEXT NOT NULL,
  note TEXT
);
CREATE INDEX application_events_application ON application_events (application_id, at);

CREATE TABLE messages (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES users (id),
  author_side TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX messages_application ON messages (application_id, created_at);

CREATE TABLE message_reads (
  application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  read_at BIGINT NOT NULL,
  PRIMARY KEY (application_id, user_id)
);

CREATE TABLE coordination_records (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  author_id TEXT NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  follow_up_on TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX coordination_records_application ON coordination_records (application_id, created_at);

CREATE TABLE interviews (
  id TEXT PRIMARY KEY,
  application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  slots TEXT NOT NULL,
  chosen_slot TEXT,
  duration_minutes INTEGER NOT NULL,
  online INTEGER NOT NULL,
  place TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX interviews_application ON interviews (application_id);

CREATE TABLE trainings (
  application_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
  item TEXT NOT NULL,
  hours INTEGER,
  completed_on TEXT,
  recorded_by TEXT,
  PRIMARY KEY (application_id, item)
);

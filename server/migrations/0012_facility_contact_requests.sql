-- The facility's side of matching (issue 12): a facility picks anonymous candidates of its posting and asks a
-- coordinator to broker (コンタクト依頼 / スカウト). The seeker accepts or declines; an acceptance becomes an
-- application of kind contact_request, brokered like a seeker's own. One request per posting and seeker, ever:
-- a declined candidate is not offered to the same facility again for that posting.
CREATE TABLE facility_contact_requests (
  id TEXT PRIMARY KEY,
  posting_id TEXT NOT NULL REFERENCES postings (id),
  seeker_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  facility_id TEXT NOT NULL REFERENCES organisations (id),
  sent_by TEXT NOT NULL REFERENCES users (id),
  message TEXT,
  state TEXT NOT NULL,                                    -- sent, accepted, declined
  coordinator_org_id TEXT REFERENCES organisations (id),  -- who brokers; NULL: the secretariat
  application_id TEXT REFERENCES applications (id),
  created_at BIGINT NOT NULL,
  answered_at BIGINT,
  UNIQUE (posting_id, seeker_id)
);
CREATE INDEX facility_contact_requests_seeker ON facility_contact_requests (seeker_id, created_at);
CREATE INDEX facility_contact_requests_posting ON facility_contact_requests (posting_id, created_at);

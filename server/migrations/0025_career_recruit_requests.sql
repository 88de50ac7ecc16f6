-- 募集の依頼 (issue 13): the career centre has no posting rights, so from an open slot of a doctor's plan it asks a
-- platform facility to recruit — period, specialty, the centre's name and a note, never the doctor's identity. The
-- facility turns the request into a draft posting of its own (then published as any other) or declines it.
CREATE TABLE career_recruit_requests (
  id TEXT PRIMARY KEY,
  prefecture TEXT NOT NULL,               -- the centre's prefecture: its scope
  centre_id TEXT NOT NULL REFERENCES organisations (id),
  centre_name TEXT NOT NULL,              -- as the facility reads it, kept as written
  doctor_id TEXT NOT NULL REFERENCES career_doctors (id),  -- the centre's only: never shown to the facility
  assignment_id TEXT,                     -- the planned assignment it is for, or NULL for a period without one
  facility_id TEXT NOT NULL REFERENCES organisations (id),
  facility_name TEXT NOT NULL,
  start_date TEXT NOT NULL,               -- 'YYYY-MM-DD'
  end_date TEXT NOT NULL,
  specialty TEXT,                         -- the catalogue's specialty code (the posting's 診療科)
  department TEXT,                        -- the plan's 診療科 as the centre writes it
  note TEXT,
  state TEXT NOT NULL,                    -- sent 送付済み, posted 求人化済み, declined 辞退
  posting_id TEXT REFERENCES postings (id),
  decline_reason TEXT,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  handled_by TEXT REFERENCES users (id),
  handled_by_name TEXT,
  handled_at BIGINT
);
CREATE INDEX career_recruit_requests_doctor ON career_recruit_requests (doctor_id, created_at);
CREATE INDEX career_recruit_requests_facility ON career_recruit_requests (facility_id, created_at);

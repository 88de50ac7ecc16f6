-- The work-environment centre (医療勤務環境改善支援センター, issue 15): the members' kinds in a prefecture's
-- network, hospitals with their compliance state and its history, monthly hours per pseudonymous doctor (never a
-- name) with every upload kept, cases with their activity, visits and the centre's priority adjustments.
CREATE TABLE workenv_members (
  organisation_id TEXT PRIMARY KEY REFERENCES organisations (id),
  kind TEXT NOT NULL  -- prefecture 都道府県, contractor 受託者, labour_bureau 労働局, adviser アドバイザー
);
CREATE TABLE workenv_hospitals (
  id TEXT PRIMARY KEY,
  prefecture TEXT NOT NULL,
  facility_id TEXT REFERENCES organisations (id),  -- NULL: registered by the centre, not on the platform
  name TEXT NOT NULL,
  state TEXT NOT NULL,                              -- the compliance state as JSON (workenv/service.cpp)
  priority_points INTEGER NOT NULL DEFAULT 0,       -- the centre's raise (> 0) or lower (< 0)
  priority_note TEXT,
  created_by TEXT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (facility_id)
);
CREATE INDEX workenv_hospitals_prefecture ON workenv_hospitals (prefecture, name);
-- Every change of a hospital's state: the state after the change, who and when.
CREATE TABLE workenv_hospital_history (
  id TEXT PRIMARY KEY,
  hospital_id TEXT NOT NULL REFERENCES workenv_hospitals (id),
  state TEXT NOT NULL,
  changed_by TEXT REFERENCES users (id),
  changed_at BIGINT NOT NULL
);
CREATE INDEX workenv_hospital_history_hospital ON workenv_hospital_history (hospital_id, changed_at);
-- One upload of one hospital's month; a re-upload makes the previous one not current (kept as history).
CREATE TABLE workenv_hours_uploads (
  id TEXT PRIMARY KEY,
  hospital_id TEXT NOT NULL REFERENCES workenv_hospitals (id),
  month TEXT NOT NULL,  -- YYYY-MM
  row_count INTEGER NOT NULL,
  is_current INTEGER NOT NULL,
  uploaded_by TEXT REFERENCES users (id),
  uploaded_at BIGINT NOT NULL,
  replaced_at BIGINT
);
CREATE INDEX workenv_hours_uploads_month ON workenv_hours_uploads (hospital_id, month, is_current);
CREATE TABLE workenv_hours_rows (
  upload_id TEXT NOT NULL REFERENCES workenv_hours_uploads (id),
  doctor_code TEXT NOT NULL,
  department TEXT NOT NULL,
  level TEXT NOT NULL,              -- A, 連携B, B, C-1, C-2
  overtime_min INTEGER NOT NULL,    -- 時間外・休日労働, minutes
  other_min INTEGER NOT NULL,       -- at other workplaces
  continuous_min INTEGER NOT NULL,  -- longest continuous work
  interval_shortfalls INTEGER NOT NULL,
  rest_owed_min INTEGER NOT NULL,   -- 代償休息 owed
  interview_done INTEGER NOT NULL,  -- 面接指導 done
  PRIMARY KEY (upload_id, doctor_code)
);
CREATE TABLE workenv_cases (
  id TEXT PRIMARY KEY,
  hospital_id TEXT NOT NULL REFERENCES workenv_hospitals (id),
  prefecture TEXT NOT NULL,
  kind TEXT NOT NULL,     -- consultation 相談, visit_support 訪問支援, special_support 特別支援, briefing 説明会
  channel TEXT NOT NULL,  -- phone, email, visit, event, other
  topics TEXT NOT NULL,   -- comma-separated codes
  title TEXT NOT NULL,
  assignee_id TEXT REFERENCES users (id),
  status TEXT NOT NULL,   -- received 受付, in_progress 対応中, visit_planned 訪問予定, following_up フォロー中, closed 完了
  due_date TEXT,
  attendees INTEGER,      -- 説明会: people who came
  created_by TEXT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  closed_at BIGINT
);
CREATE INDEX workenv_cases_prefecture ON workenv_cases (prefecture, status);
CREATE INDEX workenv_cases_hospital ON workenv_cases (hospital_id);
CREATE TABLE workenv_case_activities (
  id TEXT PRIMARY KEY,
  case_id TEXT NOT NULL REFERENCES workenv_cases (id),
  at BIGINT NOT NULL,
  by_user TEXT REFERENCES users (id),
  kind TEXT NOT NULL,  -- note, status, created
  body TEXT NOT NULL
);
CREATE INDEX workenv_case_activities_case ON workenv_case_activities (case_id, at);
CREATE TABLE workenv_visits (
  id TEXT PRIMARY KEY,
  hospital_id TEXT NOT NULL REFERENCES workenv_hospitals (id),
  prefecture TEXT NOT NULL,
  case_id TEXT REFERENCES workenv_cases (id),
  planned_date TEXT NOT NULL,
  status TEXT NOT NULL,     -- proposed (a yearly follow-up the product proposed), planned, done, cancelled
  follow_up INTEGER NOT NULL,
  attendees TEXT NOT NULL,  -- one line per person: name and organisation
  report TEXT,
  next_steps TEXT,
  created_by TEXT REFERENCES users (id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX workenv_visits_prefecture ON workenv_visits (prefecture, planned_date);
CREATE INDEX workenv_visits_hospital ON workenv_visits (hospital_id, planned_date);

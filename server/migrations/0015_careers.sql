-- The career centre (issue 13, 地域医療支援センター): キャリア形成プログラム with versioned rules, the registry of
-- obligated doctors with their status history, and their career plans with every version kept.
CREATE TABLE career_programmes (
  id TEXT PRIMARY KEY,
  prefecture TEXT NOT NULL,               -- the centre's prefecture (JIS X 0401): its scope
  name TEXT NOT NULL,
  current_version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX career_programmes_prefecture ON career_programmes (prefecture, name);

-- Every edit of a programme is a new version; doctors stay bound to the version they joined.
CREATE TABLE career_programme_versions (
  programme_id TEXT NOT NULL REFERENCES career_programmes (id),
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  basic_area TEXT NOT NULL,               -- one of the 19 basic areas (基本領域)
  course TEXT,
  target_years INTEGER NOT NULL,
  rules TEXT NOT NULL,                    -- JSON: [{id, kind, months, loan_factor, year, group, reason}]
  groups TEXT NOT NULL,                   -- JSON: [{code, name, members: [facility names]}]
  created_by TEXT NOT NULL REFERENCES users (id),
  created_by_name TEXT NOT NULL,          -- the person and organisation as people read them, kept as written
  created_at BIGINT NOT NULL,
  PRIMARY KEY (programme_id, version)
);

CREATE TABLE career_doctors (
  id TEXT PRIMARY KEY,
  prefecture TEXT NOT NULL,
  name TEXT NOT NULL,
  name_kana TEXT,
  kind TEXT NOT NULL,                     -- regional_prefecture_loan, regional_other_loan, regional_no_loan, jichi, voluntary
  university TEXT NOT NULL,
  graduation_year INTEGER NOT NULL,
  licence_year INTEGER,
  loan_months INTEGER NOT NULL,
  programme_id TEXT REFERENCES career_programmes (id),
  programme_version INTEGER,
  specialty_wish TEXT,
  status TEXT NOT NULL,                   -- clinical_training, specialist_training, obligation, post_obligation, interrupted, withdrawn, completed
  obligation_start TEXT NOT NULL,         -- 'YYYY-MM'
  specialist_certified_on TEXT,           -- 'YYYY-MM-DD'
  email TEXT,
  phone TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX career_doctors_prefecture ON career_doctors (prefecture, graduation_year);

-- Status history; 離脱 (withdrawn) and 中断 (interrupted) carry a reason code, a date, consent and follow-up.
CREATE TABLE career_doctor_events (
  id TEXT PRIMARY KEY,
  doctor_id TEXT NOT NULL REFERENCES career_doctors (id),
  status TEXT NOT NULL,
  reason TEXT,
  event_date TEXT NOT NULL,               -- 'YYYY-MM-DD'
  consent INTEGER,                        -- 1 with the centre's consent, 0 without, NULL where it does not apply
  follow_up TEXT,
  note TEXT,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_by_name TEXT NOT NULL,          -- the person and organisation as people read them, kept as written
  created_at BIGINT NOT NULL
);
CREATE INDEX career_doctor_events_doctor ON career_doctor_events (doctor_id, created_at);

-- The plan in force and every version of it (each save and each change of state).
CREATE TABLE career_plans (
  doctor_id TEXT PRIMARY KEY REFERENCES career_doctors (id),
  version INTEGER NOT NULL,
  state TEXT NOT NULL,                    -- draft (下書き), proposed (案), confirmation (本人確認), approved (承認)
  assignments TEXT NOT NULL,              -- JSON array
  violations INTEGER NOT NULL,
  updated_by TEXT NOT NULL REFERENCES users (id),
  updated_by_name TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE TABLE career_plan_versions (
  doctor_id TEXT NOT NULL REFERENCES career_doctors (id),
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  assignments TEXT NOT NULL,
  violations INTEGER NOT NULL,
  change TEXT NOT NULL,                   -- what happened, in Japanese
  created_by TEXT NOT NULL REFERENCES users (id),
  created_by_name TEXT NOT NULL,          -- the person and organisation as people read them, kept as written
  created_at BIGINT NOT NULL,
  PRIMARY KEY (doctor_id, version)
);

-- Interview and mentoring records (面談記録): the centre's own notes, never shown to the doctor; every read audited.
CREATE TABLE career_interviews (
  id TEXT PRIMARY KEY,
  doctor_id TEXT NOT NULL REFERENCES career_doctors (id),
  held_on TEXT NOT NULL,                  -- 'YYYY-MM-DD'
  kind TEXT NOT NULL,                     -- interview (面談), mentoring (メンタリング), phone (電話)
  body TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX career_interviews_doctor ON career_interviews (doctor_id, held_on);

-- Placement rounds (issue 14, 配属先選定): a career centre's round of one year (one programme or all), the
-- positions the facilities offer, regional caps, the doctors' and the facilities' rank lists, every preview the
-- centre ran, and the confirmed result with what became of each doctor's plan. The engine is server/src/placement.
CREATE TABLE placement_rounds (
  id TEXT PRIMARY KEY,
  prefecture TEXT NOT NULL,               -- the centre's prefecture (JIS X 0401): its scope
  centre_name TEXT NOT NULL,              -- the centre as the facilities and doctors read it
  year INTEGER NOT NULL,                  -- 年度 of the placements
  programme_id TEXT REFERENCES career_programmes (id),  -- NULL: the doctors of every programme
  title TEXT NOT NULL,
  mechanism TEXT NOT NULL,                -- fda, jrmp, da (server/src/placement/README.md)
  state TEXT NOT NULL,                    -- open (順位の入力中), confirmed (確定)
  assignment_kind TEXT NOT NULL,          -- the kind of the plan entry: work, specialist_training, clinical_training
  term_start TEXT NOT NULL,               -- 'YYYY-MM-DD': the assignment appended to each placed doctor's plan
  term_end TEXT NOT NULL,
  doctor_deadline TEXT NOT NULL,          -- 'YYYY-MM-DD': the doctors' ranks (entered after the interviews)
  facility_deadline TEXT NOT NULL,        -- 'YYYY-MM-DD': the facilities' ranks
  meeting_on TEXT,                        -- 'YYYY-MM-DD': the meeting that decided (会議)
  minutes TEXT,                           -- its minutes (議事録), free text
  revision INTEGER NOT NULL,              -- +1 with every change of positions, caps or ranks
  confirmed_preview_id TEXT,
  confirmed_at BIGINT,
  confirmed_by_name TEXT,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_by_name TEXT NOT NULL,          -- the person and organisation as people read them, kept as written
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX placement_rounds_prefecture ON placement_rounds (prefecture, year);

-- What each facility offers: one row per facility (and department), in the order the centre lists them (the
-- order of the round-robin turns within a cap). facility_id is the facility's organisation when it is on the
-- platform (its users rank their applicants); NULL for a hospital the centre ranks for.
CREATE TABLE placement_positions (
  id TEXT PRIMARY KEY,
  round_id TEXT NOT NULL REFERENCES placement_rounds (id),
  facility_id TEXT REFERENCES organisations (id),
  facility_name TEXT NOT NULL,
  department TEXT,
  area_code TEXT NOT NULL,                -- its 二次医療圏
  capacity INTEGER NOT NULL,              -- 定員
  target INTEGER NOT NULL,                -- 目標定員 (what jrmp keeps and fda fills first)
  sort_order INTEGER NOT NULL
);
CREATE INDEX placement_positions_round ON placement_positions (round_id, sort_order);
CREATE INDEX placement_positions_facility ON placement_positions (facility_id);

-- Regional caps: a set of 二次医療圏, or every area of the prefecture with a designation (医師多数区域 …).
-- An area belongs to at most one cap of a round.
CREATE TABLE placement_caps (
  id TEXT PRIMARY KEY,
  round_id TEXT NOT NULL REFERENCES placement_rounds (id),
  name TEXT NOT NULL,
  area_codes TEXT NOT NULL,               -- JSON array of area codes ([] with a designation)
  designation TEXT,                       -- 医師少数区域, 中間 or 医師多数区域
  cap INTEGER NOT NULL,
  sort_order INTEGER NOT NULL
);
CREATE INDEX placement_caps_round ON placement_caps (round_id, sort_order);

-- A doctor's ranks, best first. Private to the doctor, the centre and the facility of the position.
-- entered_by_kind: centre_interview (the centre, from an interview with the doctor); doctor (the doctor's own
-- account — not built yet; a doctor's own entry will be recorded so).
CREATE TABLE placement_doctor_ranks (
  round_id TEXT NOT NULL REFERENCES placement_rounds (id),
  doctor_id TEXT NOT NULL REFERENCES career_doctors (id),
  position_id TEXT NOT NULL REFERENCES placement_positions (id),
  rank INTEGER NOT NULL,                  -- 1 = first choice
  entered_by_kind TEXT NOT NULL,
  interview_on TEXT,                      -- 'YYYY-MM-DD' of the interview the ranks come from
  entered_by TEXT NOT NULL REFERENCES users (id),
  entered_by_name TEXT NOT NULL,
  entered_at BIGINT NOT NULL,
  PRIMARY KEY (round_id, doctor_id, position_id)
);
CREATE INDEX placement_doctor_ranks_position ON placement_doctor_ranks (position_id);

-- A position's ranks of the doctors who ranked it, best first. entered_by_kind: facility (its own users) or
-- centre (on the facility's behalf).
CREATE TABLE placement_facility_ranks (
  round_id TEXT NOT NULL REFERENCES placement_rounds (id),
  position_id TEXT NOT NULL REFERENCES placement_positions (id),
  doctor_id TEXT NOT NULL REFERENCES career_doctors (id),
  rank INTEGER NOT NULL,
  entered_by_kind TEXT NOT NULL,
  entered_by TEXT NOT NULL REFERENCES users (id),
  entered_by_name TEXT NOT NULL,
  entered_at BIGINT NOT NULL,
  PRIMARY KEY (position_id, doctor_id)
);
CREATE INDEX placement_facility_ranks_round ON placement_facility_ranks (round_id);

-- Every preview: what was solved (positions, caps and lists with names) and the answer, so the next preview can
-- say what changed. `revision` is the round's when it ran: only a preview of the current revision is confirmed.
CREATE TABLE placement_previews (
  id TEXT PRIMARY KEY,
  round_id TEXT NOT NULL REFERENCES placement_rounds (id),
  seq INTEGER NOT NULL,
  revision INTEGER NOT NULL,
  mechanism TEXT NOT NULL,
  input TEXT NOT NULL,                    -- JSON
  result TEXT NOT NULL,                   -- JSON
  created_by TEXT NOT NULL REFERENCES users (id),
  created_by_name TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (round_id, seq)
);

-- The confirmed result per doctor and what happened to their plan (the assignment appended through the career
-- centre's plan saving, rules checked) and to their notice.
CREATE TABLE placement_results (
  round_id TEXT NOT NULL REFERENCES placement_rounds (id),
  doctor_id TEXT NOT NULL REFERENCES career_doctors (id),
  position_id TEXT REFERENCES placement_positions (id),  -- NULL: not placed
  plan_version INTEGER,
  plan_state TEXT,
  plan_violations INTEGER,
  plan_message TEXT,                      -- why the plan was not updated, in Japanese
  mailed INTEGER NOT NULL,                -- 1: a mail to the registry's address was queued
  PRIMARY KEY (round_id, doctor_id)
);

-- Reference data (job categories, specialties, municipalities, secondary medical areas, postal codes),
-- postings with their edit history, and seeker profiles.

CREATE TABLE job_categories (code TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL, sort_order INTEGER NOT NULL);
CREATE TABLE specialties (name TEXT PRIMARY KEY, basic_area TEXT NOT NULL, sort_order INTEGER NOT NULL);
CREATE TABLE municipalities (code TEXT PRIMARY KEY, prefecture TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE medical_areas (code TEXT PRIMARY KEY, prefecture TEXT NOT NULL, name TEXT NOT NULL);
CREATE TABLE area_municipalities (municipality_code TEXT PRIMARY KEY REFERENCES municipalities (code), area_code TEXT NOT NULL REFERENCES medical_areas (code));
CREATE TABLE postal_codes (postal_code TEXT NOT NULL, municipality_code TEXT NOT NULL, town TEXT NOT NULL, PRIMARY KEY (postal_code, municipality_code, town));

INSERT INTO job_categories VALUES ('doctor', '医師', 'Doctor', 1);
INSERT INTO job_categories VALUES ('phn', '保健師', 'Public health nurse', 2);
INSERT INTO job_categories VALUES ('midwife', '助産師', 'Midwife', 3);
INSERT INTO job_categories VALUES ('nurse', '看護師', 'Nurse', 4);
INSERT INTO job_categories VALUES ('assoc_nurse', '准看護師', 'Associate nurse', 5);
INSERT INTO job_categories VALUES ('radiology_tech', '診療放射線技師', 'Radiological technologist', 6);
INSERT INTO job_categories VALUES ('lab_tech', '臨床検査技師', 'Clinical laboratory technologist', 7);
INSERT INTO job_categories VALUES ('clinical_engineer', '臨床工学技士', 'Clinical engineer', 8);
INSERT INTO job_categories VALUES ('pharmacist', '薬剤師', 'Pharmacist', 9);
INSERT INTO job_categories VALUES ('paramedic', '救急救命士', 'Paramedic', 10);
INSERT INTO job_categories VALUES ('clerk', '事務職', 'Clerical staff', 11);
INSERT INTO specialties VALUES ('内科', '内科', 1);
INSERT INTO specialties VALUES ('小児科', '小児科', 2);
INSERT INTO specialties VALUES ('皮膚科', '皮膚科', 3);
INSERT INTO specialties VALUES ('精神科', '精神科', 4);
INSERT INTO specialties VALUES ('外科', '外科', 5);
INSERT INTO specialties VALUES ('整形外科', '整形外科', 6);
INSERT INTO specialties VALUES ('産婦人科', '産婦人科', 7);
INSERT INTO specialties VALUES ('眼科', '眼科', 8);
INSERT INTO specialties VALUES ('耳鼻咽喉科', '耳鼻咽喉科', 9);
INSERT INTO specialties VALUES ('泌尿器科', '泌尿器科', 10);
INSERT INTO specialties VALUES ('脳神経外科', '脳神経外科', 11);
INSERT INTO specialties VALUES ('放射線科', '放射線科', 12);
INSERT INTO specialties VALUES ('麻酔科', '麻酔科', 13);
INSERT INTO specialties VALUES ('病理', '病理', 14);
INSERT INTO specialties VALUES ('臨床検査', '臨床検査', 15);
INSERT INTO specialties VALUES ('救急科', '救急科', 16);
INSERT INTO specialties VALUES ('形成外科', '形成外科', 17);
INSERT INTO specialties VALUES ('リハビリテーション科', 'リハビリテーション科', 18);
INSERT INTO specialties VALUES ('総合診療', '総合診療', 19);
INSERT INTO specialties VALUES ('消化器内科', '内科', 20);
INSERT INTO specialties VALUES ('循環器内科', '内科', 21);
INSERT INTO specialties VALUES ('呼吸器内科', '内科', 22);
INSERT INTO specialties VALUES ('腎臓内科', '内科', 23);
INSERT INTO specialties VALUES ('糖尿病内科', '内科', 24);
INSERT INTO specialties VALUES ('内分泌内科', '内科', 25);
INSERT INTO specialties VALUES ('血液内科', '内科', 26);
INSERT INTO specialties VALUES ('脳神経内科', '内科', 27);
INSERT INTO specialties VALUES ('膠原病・リウマチ内科', '内科', 28);
INSERT INTO specialties VALUES ('感染症内科', '内科', 29);
INSERT INTO specialties VALUES ('腫瘍内科', '内科', 30);
INSERT INTO specialties VALUES ('老年内科', '内科', 31);
INSERT INTO specialties VALUES ('消化器外科', '外科', 32);
INSERT INTO specialties VALUES ('心臓血管外科', '外科', 33);
INSERT INTO specialties VALUES ('呼吸器外科', '外科', 34);
INSERT INTO specialties VALUES ('乳腺外科', '外科', 35);
INSERT INTO specialties VALUES ('小児外科', '外科', 36);
INSERT INTO specialties VALUES ('内分泌外科', '外科', 37);
INSERT INTO specialties VALUES ('新生児科', '小児科', 38);
INSERT INTO specialties VALUES ('小児循環器科', '小児科', 39);
INSERT INTO specialties VALUES ('心療内科', '精神科', 40);
INSERT INTO specialties VALUES ('児童精神科', '精神科', 41);
INSERT INTO specialties VALUES ('産科', '産婦人科', 42);
INSERT INTO specialties VALUES ('婦人科', '産婦人科', 43);
INSERT INTO specialties VALUES ('放射線診断科', '放射線科', 44);
INSERT INTO specialties VALUES ('放射線治療科', '放射線科', 45);
INSERT INTO specialties VALUES ('集中治療科', '救急科', 46);
INSERT INTO specialties VALUES ('ペインクリニック', '麻酔科', 47);
INSERT INTO specialties VALUES ('脊椎外科', '整形外科', 48);
INSERT INTO specialties VALUES ('スポーツ整形外科', '整形外科', 49);

CREATE TABLE postings (
  id TEXT PRIMARY KEY,
  facility_id TEXT NOT NULL REFERENCES organisations (id),
  status TEXT NOT NULL,
  close_reason TEXT,
  title TEXT NOT NULL,
  category TEXT NOT NULL,
  specialty TEXT,
  employment TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT,
  period_months INTEGER,
  weekdays TEXT NOT NULL,
  hours TEXT,
  full_time INTEGER NOT NULL,
  night_duty INTEGER NOT NULL,
  urgency TEXT NOT NULL,
  positions INTEGER NOT NULL,
  duties TEXT NOT NULL,
  requirements TEXT,
  pay TEXT,
  benefits TEXT,
  training_agreed INTEGER NOT NULL,
  postal_code TEXT NOT NULL,
  prefecture TEXT NOT NULL,
  municipality TEXT NOT NULL,
  street TEXT NOT NULL,
  building TEXT,
  area TEXT,
  contact_name TEXT NOT NULL,
  contact_location TEXT,
  contact_phone TEXT NOT NULL,
  contact_email TEXT NOT NULL,
  masked INTEGER NOT NULL,
  version INTEGER NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  published_at BIGINT,
  created_by TEXT NOT NULL,
  updated_by TEXT NOT NULL
);
CREATE INDEX postings_facility ON postings (facility_id, status);

-- Every edit keeps a version: who, when, and the changed fields as JSON {"field": [old, new]}.
CREATE TABLE posting_versions (
  posting_id TEXT NOT NULL REFERENCES postings (id) ON DELETE CASCADE,
  version INTEGER NOT NULL,
  changed_at BIGINT NOT NULL,
  changed_by TEXT NOT NULL,
  changes TEXT NOT NULL,
  PRIMARY KEY (posting_id, version)
);

-- A seeker's conditions as one JSON document (SPEC.md "Seeker profile JSON"); the handle is the pseudonym
-- facilities see until a match is established.
CREATE TABLE seeker_profiles (
  user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  handle TEXT NOT NULL UNIQUE,
  profile TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);

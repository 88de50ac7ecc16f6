-- Regional bed board (facility address, bed reports kept as history), help desk inquiries with messages,
-- attachments, FAQ articles and announcements with read marks.

ALTER TABLE organisations ADD COLUMN municipality TEXT;
ALTER TABLE organisations ADD COLUMN address TEXT;

CREATE TABLE bed_reports (
  id TEXT PRIMARY KEY,
  facility_id TEXT NOT NULL REFERENCES organisations (id),
  reported_at BIGINT NOT NULL,
  reported_by TEXT NOT NULL,
  note TEXT
);
CREATE INDEX bed_reports_facility ON bed_reports (facility_id, reported_at);

CREATE TABLE bed_report_wards (
  report_id TEXT NOT NULL REFERENCES bed_reports (id) ON DELETE CASCADE,
  ward_type TEXT NOT NULL,
  permitted INTEGER NOT NULL,
  secured INTEGER NOT NULL,
  vacant INTEGER NOT NULL,
  PRIMARY KEY (report_id, ward_type)
);

CREATE TABLE bed_report_acceptance (
  report_id TEXT NOT NULL REFERENCES bed_reports (id) ON DELETE CASCADE,
  patient_category TEXT NOT NULL,
  status TEXT NOT NULL,
  PRIMARY KEY (report_id, patient_category)
);

CREATE TABLE inquiries (
  id TEXT PRIMARY KEY,
  asker_id TEXT NOT NULL REFERENCES users (id),
  subject TEXT NOT NULL,
  category TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX inquiries_asker ON inquiries (asker_id, updated_at);
CREATE INDEX inquiries_status ON inquiries (status, updated_at);

CREATE TABLE inquiry_messages (
  id TEXT PRIMARY KEY,
  inquiry_id TEXT NOT NULL REFERENCES inquiries (id) ON DELETE CASCADE,
  author_id TEXT NOT NULL REFERENCES users (id),
  from_secretariat INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX inquiry_messages_inquiry ON inquiry_messages (inquiry_id, created_at);

-- Files are kept in the database (bounded in size, base64 text so both drivers bind them alike), so a backup
-- of the database is a backup of everything.
CREATE TABLE attachments (
  id TEXT PRIMARY KEY,
  owner_type TEXT NOT NULL,
  owner_id TEXT NOT NULL,
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  data_base64 TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX attachments_owner ON attachments (owner_type, owner_id);

CREATE TABLE faq_articles (
  id TEXT PRIMARY KEY,
  category TEXT NOT NULL,
  question TEXT NOT NULL,
  answer TEXT NOT NULL,
  published INTEGER NOT NULL,
  updated_at BIGINT NOT NULL
);

CREATE TABLE announcements (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  audience TEXT NOT NULL,
  published_at BIGINT NOT NULL,
  created_by TEXT NOT NULL
);

CREATE TABLE announcement_reads (
  announcement_id TEXT NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  read_at BIGINT NOT NULL,
  PRIMARY KEY (announcement_id, user_id)
);

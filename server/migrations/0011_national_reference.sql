-- National reference data (server/data/national): every municipality of Japan with its kana and the position
-- of its office, the 330 二次医療圏 of the 8th medical plan, Japan Post codes, and the 医師少数区域 designations.
-- Coordinates are kept as the source writes them (decimal degrees as text): they are read, never computed on
-- in SQL, and text keeps them exact on both databases.
ALTER TABLE municipalities ADD COLUMN kana TEXT NOT NULL DEFAULT '';
ALTER TABLE municipalities ADD COLUMN latitude TEXT;
ALTER TABLE municipalities ADD COLUMN longitude TEXT;

-- Which shipped data set a database holds, so a newer binary loads a newer set on migrate.
CREATE TABLE shipped_reference (
  name TEXT PRIMARY KEY,
  version TEXT NOT NULL
);

-- 医師少数区域 / 中間 / 医師多数区域 per 二次医療圏 and plan period. Rows are never changed: a prefecture's own
-- designation (its 医師確保計画 binds) is a newer row, so the history stays; the newest row of an area and
-- period is in force. set_by is the user id, set_by_name what people read (氏名（組織名）, as it was then).
CREATE TABLE area_designations (
  id {{serial}},
  area_code TEXT NOT NULL,
  plan_period TEXT NOT NULL,
  physician_index TEXT,
  designation TEXT NOT NULL,
  source TEXT NOT NULL,
  set_by TEXT,
  set_by_name TEXT,
  set_at BIGINT NOT NULL,
  note TEXT
);
CREATE INDEX area_designations_area ON area_designations (area_code, plan_period, id);

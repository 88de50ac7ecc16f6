-- Announcements can be corrected and withdrawn after 掲載 (issue 11 item 6). updated_at is the last correction
-- (NULL: never corrected), withdrawn_at the withdrawal (NULL: still public). Every change is a row of
-- announcement_history: what was done (published, edited, withdrawn), when, by whom (the user id; people read
-- 氏名（組織名）, looked up when shown), and for an edit the changed fields as {"field": [before, after]}.
ALTER TABLE announcements ADD COLUMN updated_at BIGINT;
ALTER TABLE announcements ADD COLUMN withdrawn_at BIGINT;

CREATE TABLE announcement_history (
  id {{serial}},
  announcement_id TEXT NOT NULL REFERENCES announcements (id) ON DELETE CASCADE,
  action TEXT NOT NULL,
  changed_at BIGINT NOT NULL,
  changed_by TEXT NOT NULL,
  changes TEXT NOT NULL,
  note TEXT
);
CREATE INDEX announcement_history_of ON announcement_history (announcement_id, id);

-- The announcements published before there was a history start theirs with their 掲載.
INSERT INTO announcement_history (announcement_id, action, changed_at, changed_by, changes)
  SELECT id, 'published', published_at, created_by, '{}' FROM announcements;

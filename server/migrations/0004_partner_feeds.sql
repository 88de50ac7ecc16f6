-- Partner distribution: coordinating organisations (女性医師バンク, ナースセンター, 都道府県医師会 …) subscribe to
-- filtered feeds of published postings, read as JSON or Atom by an unguessable token, and optionally mailed daily.
CREATE TABLE feed_subscriptions (
  id TEXT PRIMARY KEY,
  organisation_id TEXT NOT NULL REFERENCES organisations (id),
  name TEXT NOT NULL,
  prefectures TEXT NOT NULL,
  categories TEXT NOT NULL,
  urgency TEXT,
  token TEXT NOT NULL UNIQUE,
  digest_email TEXT,
  created_at BIGINT NOT NULL,
  last_digest_at BIGINT NOT NULL
);
CREATE INDEX feed_subscriptions_org ON feed_subscriptions (organisation_id);

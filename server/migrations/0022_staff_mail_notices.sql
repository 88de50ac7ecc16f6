-- How notices reach a member of staff (facility, coordinator, secretariat, centres) by mail, as seekers choose in
-- their profile: immediate (at once), daily (the daily digest) or off (in the app only). Issue 12.
ALTER TABLE users ADD COLUMN mail_notices TEXT NOT NULL DEFAULT 'immediate';

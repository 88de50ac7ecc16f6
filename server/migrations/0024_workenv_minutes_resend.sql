-- Issue 15: the minutes' mail can be sent again when it did not go out. The mail that is replaced is withdrawn
-- from the outbox (the worker no longer tries it, so the labour bureau never gets it twice), and the send log says
-- which sending was a resend.
ALTER TABLE mail_outbox ADD COLUMN withdrawn_at BIGINT;
ALTER TABLE workenv_minutes_sends ADD COLUMN kind TEXT NOT NULL DEFAULT 'lock';  -- lock 確定時, resend 再送

-- The interview room's signalling between processes (issue 17): a message for the other party is published at once
-- to the streams of the process that received it, and written here with a change, so every other process publishes
-- it to the streams it holds. No sticky sessions are needed behind a load balancer. Rows are short-lived: each relay
-- deletes the ones older than ten minutes.
CREATE TABLE relayed_signals (
  id TEXT PRIMARY KEY,
  recipient_id TEXT NOT NULL,
  event TEXT NOT NULL,
  origin TEXT NOT NULL,        -- the process that published it already
  created_at BIGINT NOT NULL
);
CREATE INDEX relayed_signals_created ON relayed_signals (created_at);

-- Placement rounds (issue 14), the doctors' side: when the centre opened the round for ranking (the doctors and the
-- facilities were told once, with the deadline; a doctor sees and ranks a round only from then), and the round a
-- follow-up round (二次選定) was made from — it carries over that round's unmatched doctors and unfilled seats.
ALTER TABLE placement_rounds ADD COLUMN ranking_opened_at BIGINT;
ALTER TABLE placement_rounds ADD COLUMN ranking_opened_by_name TEXT;
ALTER TABLE placement_rounds ADD COLUMN previous_round_id TEXT REFERENCES placement_rounds (id);

-- Events in the order they happened to their member: a member's events may share a millisecond
-- (a test's fixed clock, an import that changes a status and a name at once), and the ids are
-- random. Each new event takes its member's next number; events from before are numbered by time.

ALTER TABLE member_events ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;

UPDATE member_events SET seq = (SELECT COUNT(*) FROM member_events e
  WHERE e.member_id = member_events.member_id
  AND (e.at < member_events.at OR (e.at = member_events.at AND e.id <= member_events.id)));

CREATE UNIQUE INDEX member_events_seq ON member_events (member_id, seq);

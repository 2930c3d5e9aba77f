-- What came back about the list's mail (bounces, complaints, unsubscribes by mail), one row per
-- report: the report's key (hashed) makes a report read twice count once; a member's soft bounces
-- are counted in a window; the issue gives each issue its bounce and complaint rates. A member's
-- rows are erased with it ("delete me").

CREATE TABLE feedback (
  key_hash VARCHAR(64) PRIMARY KEY,
  member_id BIGINT,
  issue VARCHAR(100),
  kind VARCHAR(20) NOT NULL,
  at BIGINT NOT NULL,
  detail VARCHAR(200) NOT NULL,
  source VARCHAR(40) NOT NULL
);
CREATE INDEX feedback_member ON feedback (member_id, kind, at);
CREATE INDEX feedback_issue ON feedback (issue, kind);

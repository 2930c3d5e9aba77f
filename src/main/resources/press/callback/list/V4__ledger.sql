-- The send ledger beside the list: the last state of each recipient of each issue and destination
-- (sending, sent, deferred, failed), with the same promises as the ledger file: 'sending' is
-- committed before the message's DATA, 'sent' after the server's 250, and a 'sending' left by a
-- crash is uncertain. The recipient is the address in lower case. Times are milliseconds (UTC).

CREATE TABLE send_ledger (
  issue VARCHAR(100) NOT NULL,
  destination VARCHAR(200) NOT NULL,
  recipient VARCHAR(320) NOT NULL,
  state VARCHAR(20) NOT NULL,
  detail VARCHAR(500) NOT NULL,
  at BIGINT NOT NULL,
  PRIMARY KEY (issue, destination, recipient)
);

-- One send per issue and destination at a time: the row of the send that holds it, its owner
-- (pid, host and a random nonce) and a heartbeat it renews while it runs. A row whose heartbeat
-- stopped, or whose process on this host is gone, is stale and may be taken over.
CREATE TABLE send_locks (
  issue VARCHAR(100) NOT NULL,
  destination VARCHAR(200) NOT NULL,
  owner VARCHAR(200) NOT NULL,
  pid BIGINT NOT NULL,
  host VARCHAR(200) NOT NULL,
  since BIGINT NOT NULL,
  heartbeat BIGINT NOT NULL,
  PRIMARY KEY (issue, destination)
);

-- The list's first schema. Portable SQL (SQLite and PostgreSQL): ids are random 63-bit numbers
-- made by press, times are milliseconds since 1970 (UTC), hashes are lower-case hex.

CREATE TABLE list_keys (
  name VARCHAR(40) PRIMARY KEY,
  value VARCHAR(200) NOT NULL
);

CREATE TABLE members (
  id BIGINT PRIMARY KEY,
  email VARCHAR(320) NOT NULL,
  email_key VARCHAR(320) NOT NULL UNIQUE,
  name VARCHAR(400) NOT NULL,
  status VARCHAR(20) NOT NULL,
  created_at BIGINT NOT NULL,
  changed_at BIGINT NOT NULL,
  consent_at BIGINT,
  consent_source VARCHAR(200)
);

CREATE TABLE member_events (
  id BIGINT PRIMARY KEY,
  member_id BIGINT NOT NULL,
  at BIGINT NOT NULL,
  kind VARCHAR(40) NOT NULL,
  source VARCHAR(200) NOT NULL
);
CREATE INDEX member_events_member ON member_events (member_id, at);
CREATE INDEX member_events_kind ON member_events (kind, at);

CREATE TABLE confirmations (
  token_hash VARCHAR(64) PRIMARY KEY,
  member_id BIGINT NOT NULL,
  name VARCHAR(400) NOT NULL,
  source VARCHAR(200) NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  used_at BIGINT
);
CREATE INDEX confirmations_member ON confirmations (member_id, created_at);
CREATE INDEX confirmations_created ON confirmations (created_at);

CREATE TABLE suppressions (
  address_hash VARCHAR(64) PRIMARY KEY,
  at BIGINT NOT NULL,
  reason VARCHAR(40) NOT NULL
);

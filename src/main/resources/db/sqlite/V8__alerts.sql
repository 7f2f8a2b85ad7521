-- Alerts, live: what the service raises while it happens (failed logins, a new device, a blocked
-- device trying, a login storm). Repeats update the one open alert of the same kind and subject.
CREATE TABLE alerts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    -- What repeats are matched on: the account, the device id, or '' (a login storm).
    subject TEXT NOT NULL,
    username TEXT,
    device_id TEXT,
    device_model TEXT,
    address TEXT,
    event_count INTEGER NOT NULL,
    first_at BIGINT NOT NULL,
    last_at BIGINT NOT NULL,
    acknowledged_by TEXT,
    acknowledged_at BIGINT
);
-- At most one open alert per kind and subject, on every instance (INSERT ... ON CONFLICT updates it).
CREATE UNIQUE INDEX alerts_open ON alerts (kind, subject) WHERE acknowledged_at IS NULL;
CREATE INDEX alerts_by_last_at ON alerts (last_at);

-- The failed logins of existing accounts in the last 15 minutes (failed_logins alerts).
CREATE TABLE failed_logins (
    username TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX failed_logins_by_username ON failed_logins (username, at);
CREATE INDEX failed_logins_by_at ON failed_logins (at);

-- Events counted per minute over all instances (name 'throttled': the login throttle's refusals).
CREATE TABLE alert_counters (
    name TEXT NOT NULL,
    minute BIGINT NOT NULL,
    event_count INTEGER NOT NULL,
    PRIMARY KEY (name, minute)
);

-- A change feed row naming an alert raised, updated or acknowledged.
ALTER TABLE session_feed ADD COLUMN alert_id BIGINT;

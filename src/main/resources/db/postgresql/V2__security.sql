-- SessionDesk schema v2 (PostgreSQL): login throttle counters shared by every service instance, and
-- rate-limited security events in the audit log.
-- throttle_key is the SHA-256 of the counter's name (account, address, pair or device ticket), so
-- that what was typed as a username is not kept in clear. attempts counts the failed and the
-- in-flight attempts of the window that began at window_start; known_until marks an (account,
-- address) pair that signed in successfully (exempt from the per-account limit until then).
CREATE TABLE login_throttle (
    throttle_key TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    known_until BIGINT
);
CREATE INDEX login_throttle_by_window ON login_throttle (window_start);

-- Security events: one row per account, address, kind and minute, with how many times it happened.
ALTER TABLE audit_events ADD COLUMN address TEXT;
ALTER TABLE audit_events ADD COLUMN event_count INTEGER;
ALTER TABLE audit_events ADD COLUMN security_key TEXT;
CREATE UNIQUE INDEX audit_events_security_key ON audit_events (security_key);

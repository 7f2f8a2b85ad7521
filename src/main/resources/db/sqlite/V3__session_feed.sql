-- Live console (issue 8): the ordered feed of changes to the active sessions, time-limited blocks,
-- the device's network address.
ALTER TABLE sessions ADD COLUMN address TEXT;
-- The Last Seen the feed last announced for the session (NULL: its login time).
ALTER TABLE sessions ADD COLUMN fed_last_seen_at BIGINT;
ALTER TABLE users ADD COLUMN blocked_until BIGINT;
ALTER TABLE audit_events ADD COLUMN until_at BIGINT;

-- One row per change; seq is handed out by feed_state.last_seq, whose row each writer locks until it
-- commits, so the rows become visible in seq order.
CREATE TABLE session_feed (
    seq BIGINT PRIMARY KEY,
    at BIGINT NOT NULL,
    kind TEXT NOT NULL,
    session_id TEXT,
    username TEXT,
    actor TEXT,
    reason TEXT
);
CREATE INDEX session_feed_by_at ON session_feed (at);

-- feed_id tells this database's cursors from others'; rows up to floor_seq have been pruned.
CREATE TABLE feed_state (
    id INTEGER PRIMARY KEY,
    feed_id TEXT NOT NULL,
    last_seq BIGINT NOT NULL,
    floor_seq BIGINT NOT NULL
);
INSERT INTO feed_state (id, feed_id, last_seq, floor_seq) VALUES (1, lower(hex(randomblob(8))), 0, 0);

-- Devices (by the id the app sends at login) and their blocks; what each user has been seen on.
-- Times are epoch milliseconds; flags are 0/1.

-- One row per device id the service saw at a login or blocked: its last model, system and user,
-- and its block (blocked_until: a time-limited block lapses by itself, as for users). A login
-- upserts this row in its transaction and a block writes it first, so the two serialize.
CREATE TABLE devices (
    device_id TEXT PRIMARY KEY,
    device_model TEXT,
    device_os TEXT,
    last_username TEXT,
    last_login_at BIGINT,
    blocked INTEGER NOT NULL DEFAULT 0,
    blocked_at BIGINT,
    blocked_by TEXT,
    block_reason TEXT,
    blocked_until BIGINT
);
CREATE INDEX devices_blocked ON devices (blocked_at) WHERE blocked <> 0;

-- The devices and the addresses each user was seen on: first and last seen (logins; addresses
-- also when a heartbeat moves a session to a new one).
CREATE TABLE user_devices (
    user_id INTEGER NOT NULL REFERENCES users (id),
    device_id TEXT NOT NULL,
    first_seen_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, device_id)
);
CREATE TABLE user_addresses (
    user_id INTEGER NOT NULL REFERENCES users (id),
    address TEXT NOT NULL,
    first_seen_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, address)
);
-- What the sessions of the past already saw is known, so nobody's old phone counts as new.
INSERT INTO user_devices (user_id, device_id, first_seen_at, last_seen_at)
    SELECT user_id, device_id, MIN(login_at), MAX(last_seen_at) FROM sessions GROUP BY user_id, device_id;
INSERT INTO user_addresses (user_id, address, first_seen_at, last_seen_at)
    SELECT user_id, address, MIN(login_at), MAX(last_seen_at) FROM sessions
    WHERE address IS NOT NULL GROUP BY user_id, address;

-- Computed at login and kept: the device was new to the user / the address unseen for 90 days.
ALTER TABLE sessions ADD COLUMN new_device INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN new_address INTEGER NOT NULL DEFAULT 0;
-- A device block ends the active sessions of one device id.
CREATE INDEX sessions_active_by_device ON sessions (device_id) WHERE ended_at IS NULL;

-- Device blocks and unblocks in the change feed (kind device_blocked / device_unblocked).
ALTER TABLE session_feed ADD COLUMN device_id TEXT;

-- The device of a device_blocked / device_unblocked audit event.
ALTER TABLE audit_events ADD COLUMN device_id TEXT;

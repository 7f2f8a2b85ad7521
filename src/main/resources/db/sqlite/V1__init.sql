-- SessionDesk schema v1 (SQLite). Times are epoch milliseconds; flags are 0/1.
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    username TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    super_user INTEGER NOT NULL DEFAULT 0,
    blocked INTEGER NOT NULL DEFAULT 0,
    blocked_at BIGINT,
    blocked_by TEXT,
    block_reason TEXT,
    created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    application TEXT NOT NULL,
    app_version TEXT NOT NULL,
    device_id TEXT NOT NULL,
    device_model TEXT NOT NULL,
    device_os TEXT NOT NULL,
    language TEXT NOT NULL,
    login_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    pending_sync_items INTEGER NOT NULL DEFAULT 0,
    ended_at BIGINT,
    ended_by TEXT,
    end_reason TEXT
);
CREATE INDEX sessions_active_by_user ON sessions (user_id) WHERE ended_at IS NULL;

CREATE TABLE admin_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE TABLE audit_events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    username TEXT NOT NULL,
    session_ids TEXT NOT NULL,
    reason TEXT
);
CREATE INDEX audit_events_by_username ON audit_events (username, id);

CREATE TABLE meta (
    meta_key TEXT PRIMARY KEY,
    meta_value TEXT NOT NULL
);

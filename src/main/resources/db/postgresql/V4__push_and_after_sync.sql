-- Push to the device, delivery status and log out after sync (issue 9).
-- A session is ending while ended_at IS NULL and end_after (its deadline) is set: ended_by and
-- end_reason are written when it is made ending, ending_at is when. Once end_after has passed it
-- counts as ended when read, whether or not ended_at has been filled in yet.
ALTER TABLE sessions ADD COLUMN end_after BIGINT;
ALTER TABLE sessions ADD COLUMN ending_at BIGINT;

-- The stream poll of every instance: sessions ended, or made ending, since its last look.
CREATE INDEX sessions_by_ended_at ON sessions (ended_at) WHERE ended_at IS NOT NULL;
CREATE INDEX sessions_by_ending_at ON sessions (ending_at) WHERE ending_at IS NOT NULL;
CREATE INDEX sessions_ending_due ON sessions (end_after) WHERE ended_at IS NULL AND end_after IS NOT NULL;

-- One row per session an admin action ended (or made ending): when the device was told, and how
-- ('stream': the event was written to its open stream, 'response': an answer to its request).
CREATE TABLE deliveries (
    audit_id BIGINT NOT NULL,
    session_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    delivered_at BIGINT,
    channel TEXT,
    PRIMARY KEY (audit_id, session_id)
);
CREATE INDEX deliveries_waiting ON deliveries (session_id) WHERE delivered_at IS NULL;

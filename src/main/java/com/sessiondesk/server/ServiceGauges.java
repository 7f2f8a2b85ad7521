package com.sessiondesk.server;

import com.sessiondesk.server.observability.CachedValue;
import com.sessiondesk.server.observability.Metrics;
import com.sessiondesk.server.push.DeviceStreams;
import com.sessiondesk.server.security.HashingQueue;
import com.sessiondesk.server.store.HeartbeatBuffer;
import com.sessiondesk.server.store.JdbcStore;
import java.time.Duration;

/** What the service's gauges read: the database's count (at most every 5 s), the queues, the streams. */
final class ServiceGauges implements Metrics.Sources {

    static final Duration ACTIVE_SESSIONS_MAX_AGE = Duration.ofSeconds(5);

    private final CachedValue activeSessions;
    private final HashingQueue hashing;
    private final DeviceStreams streams;
    private final HeartbeatBuffer heartbeats;

    ServiceGauges(JdbcStore store, HashingQueue hashing, DeviceStreams streams, HeartbeatBuffer heartbeats) {
        this.activeSessions = new CachedValue(store::countActiveSessions, ACTIVE_SESSIONS_MAX_AGE);
        this.hashing = hashing;
        this.streams = streams;
        this.heartbeats = heartbeats;
    }

    @Override
    public long activeSessions() {
        return activeSessions.getAsLong();
    }

    @Override
    public int hashingQueueDepth() {
        return hashing.depth();
    }

    @Override
    public int pushStreams() {
        return streams.size();
    }

    @Override
    public double feedLagSeconds() {
        return heartbeats.waitingSeconds();
    }
}

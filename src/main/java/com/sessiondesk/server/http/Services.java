package com.sessiondesk.server.http;

import com.sessiondesk.server.security.DeviceTickets;
import com.sessiondesk.server.security.HashingQueue;
import com.sessiondesk.server.security.LoginThrottle;
import com.sessiondesk.server.store.HeartbeatBuffer;
import com.sessiondesk.server.store.JdbcStore;
import java.time.Clock;

/** What the routes share. */
public record Services(JdbcStore store, Timeouts timeouts, Clock clock, LoginThrottle throttle,
        HeartbeatBuffer heartbeats, HashingQueue hashing, DeviceTickets tickets, ClientAddress clientAddress) {

    public long now() {
        return clock.millis();
    }
}

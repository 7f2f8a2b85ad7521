package com.sessiondesk.apitest;

import com.sessiondesk.server.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** History that cannot be flooded or cut, on PostgreSQL (embedded). */
class PostgresAuditHistoryTest extends AuditHistoryTest {

    static final MutableClock CLOCK = clock();
    @RegisterExtension
    static final ApiServer API = server(TestServers.postgres(), CLOCK);

    PostgresAuditHistoryTest() {
        super(API, CLOCK);
    }
}

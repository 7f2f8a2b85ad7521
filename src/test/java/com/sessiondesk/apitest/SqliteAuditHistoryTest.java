package com.sessiondesk.apitest;

import com.sessiondesk.server.MutableClock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** History that cannot be flooded or cut, on SQLite. */
class SqliteAuditHistoryTest extends AuditHistoryTest {

    static final MutableClock CLOCK = clock();
    @RegisterExtension
    static final ApiServer API = server(TestServers.sqlite(), CLOCK);

    SqliteAuditHistoryTest() {
        super(API, CLOCK);
    }
}

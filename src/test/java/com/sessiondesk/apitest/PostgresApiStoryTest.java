package com.sessiondesk.apitest;

import com.sessiondesk.server.MutableClock;
import com.sessiondesk.server.SessionServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The story on PostgreSQL: a real server (embedded) started for the class by the extension. */
class PostgresApiStoryTest extends ApiStoryTest {

    static final MutableClock CLOCK = storyClock();
    @RegisterExtension
    static final TestServers.Running<SessionServer> SERVER = TestServers.postgres().with(storySettings(CLOCK));

    PostgresApiStoryTest() {
        super(SERVER, CLOCK);
    }
}

package com.sessiondesk.apitest;

import com.sessiondesk.server.MutableClock;
import com.sessiondesk.server.SessionServer;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The story on the embedded default: SQLite in a temporary file. */
class SqliteApiStoryTest extends ApiStoryTest {

    static final MutableClock CLOCK = storyClock();
    @RegisterExtension
    static final TestServers.Running<SessionServer> SERVER = TestServers.sqlite().with(storySettings(CLOCK));

    SqliteApiStoryTest() {
        super(SERVER, CLOCK);
    }
}

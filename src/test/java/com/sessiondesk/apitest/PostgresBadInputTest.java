package com.sessiondesk.apitest;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The bad-input sweep on PostgreSQL (embedded). */
class PostgresBadInputTest extends BadInputTest {

    @RegisterExtension
    static final ApiServer API = server(TestServers.postgres());

    PostgresBadInputTest() {
        super(API);
    }
}

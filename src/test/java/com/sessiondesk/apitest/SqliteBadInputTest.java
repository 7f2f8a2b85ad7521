package com.sessiondesk.apitest;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The bad-input sweep on SQLite. */
class SqliteBadInputTest extends BadInputTest {

    @RegisterExtension
    static final ApiServer API = server(TestServers.sqlite());

    SqliteBadInputTest() {
        super(API);
    }
}

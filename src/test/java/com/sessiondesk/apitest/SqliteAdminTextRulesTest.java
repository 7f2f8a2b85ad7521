package com.sessiondesk.apitest;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The rules for {@code reason} and {@code until} on SQLite. */
class SqliteAdminTextRulesTest extends AdminTextRulesTest {

    @RegisterExtension
    static final ApiServer API = server(TestServers.sqlite());

    SqliteAdminTextRulesTest() {
        super(API);
    }
}

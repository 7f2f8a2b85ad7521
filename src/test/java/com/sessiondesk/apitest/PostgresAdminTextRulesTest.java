package com.sessiondesk.apitest;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The rules for {@code reason} and {@code until} on PostgreSQL (embedded). */
class PostgresAdminTextRulesTest extends AdminTextRulesTest {

    @RegisterExtension
    static final ApiServer API = server(TestServers.postgres());

    PostgresAdminTextRulesTest() {
        super(API);
    }
}

package com.sessiondesk.apitest;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The story on PostgreSQL: a real server started by the test itself, once for the class. */
class PostgresApiStoryTest extends ApiStoryTest {

    private EmbeddedPostgres postgres;

    @Override
    protected String startDatabase() throws Exception {
        postgres = EmbeddedPostgres.start();
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    protected void stopDatabase() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }
}

package com.sessiondesk.apitest;

/** The story on the embedded default: SQLite in a temporary file. */
class SqliteApiStoryTest extends ApiStoryTest {

    @Override
    protected String startDatabase() {
        return TestServers.newSqliteUrl();
    }

    @Override
    protected void stopDatabase() {
        // the temporary file goes with the temporary folder
    }
}

package com.sessiondesk.server.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseLockFirstStartTest {

    @Test
    void aFirstStartCreatesTheDataDirectoryOfTheLock(@TempDir Path dir) {
        Path database = dir.resolve("not-yet").resolve("demo.db");
        try (DatabaseLock lock = DatabaseLock.forService("jdbc:sqlite:" + database)) {
            assertTrue(Files.exists(DatabaseLock.lockFile(database)));
        }
    }
}

package com.sessiondesk.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AppDirsTest {

    @Test
    void theSystemServiceNamesItsStateDirectoryInTheEnvironment() {
        assertEquals(Path.of("/var/lib/sessiondesk"), AppDirs.dataDir(null, "/var/lib/sessiondesk"));
    }

    @Test
    void thePropertyWinsOverTheVariable() {
        assertEquals(Path.of("/tmp/a"), AppDirs.dataDir("/tmp/a", "/var/lib/sessiondesk"));
    }

    @Test
    void blankOverridesFallBackToTheUsersDataDirectory() {
        Path fallback = AppDirs.dataDir(" ", "");
        assertNotEquals(Path.of(" "), fallback);
        assertEquals(AppDirs.dataDir(null, null), fallback);
    }
}

package com.sessiondesk.client.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.common.AppDirs;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop client's built-in demo (with its published staff password) lives in its own
 * {@code demo.db}: it never writes into the database that {@code serve} uses by default.
 */
class EmbeddedServiceDemoTest {

    @TempDir
    Path home;
    private String previousHome;

    @BeforeEach
    void pointTheDataDirectoryAtATemporaryFolder() {
        previousHome = System.getProperty(AppDirs.HOME_PROPERTY);
        System.setProperty(AppDirs.HOME_PROPERTY, home.toString());
    }

    @AfterEach
    void restore() {
        if (previousHome == null) {
            System.clearProperty(AppDirs.HOME_PROPERTY);
        } else {
            System.setProperty(AppDirs.HOME_PROPERTY, previousHome);
        }
    }

    @Test
    void theDemoHasADatabaseFileOfItsOwn() throws Exception {
        try (EmbeddedService embedded = EmbeddedService.takeEarlyOrNew()) {
            AdminService service = embedded.connect(new Connector());
            assertThat(service.sessions().sessions()).isNotEmpty();
        }
        assertThat(home.resolve("demo.db")).exists();
        assertThat(home.resolve("sessiondesk.db")).as("the file serve uses").doesNotExist();
        assertThat(AppDirs.defaultJdbcUrl()).doesNotContain("demo.db");
    }
}

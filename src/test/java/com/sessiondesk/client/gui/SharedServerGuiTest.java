package com.sessiondesk.client.gui;

import com.sessiondesk.apitest.TestServers;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** GUI tests that share one real session service per class and open the window signed in to it. */
abstract class SharedServerGuiTest extends GuiTestBase {

    @TempDir
    static Path dir;
    @RegisterExtension
    static final TestServers.Running<LiveServer> SERVER = TestServers.running(
            () -> LiveServer.start(Files.createTempDirectory("sessiondesk-gui-server")));
    static LiveServer server;

    @BeforeAll
    static void startServer() {
        useHome(dir.resolve("home"));
        server = SERVER.get();
    }

    @AfterAll
    static void stopServer() {
        clearHome();
    }

    void openSignedIn() throws Exception {
        launch(optionsFor(server.baseUrl()));
        signIn(server);
        waitUntil("the sessions are loaded", () -> rowCount(sessions()) > 0);
    }

    TableView<Object> sessions() {
        return table("#sessionsTable");
    }
}

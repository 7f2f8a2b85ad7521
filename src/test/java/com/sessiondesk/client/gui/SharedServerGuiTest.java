package com.sessiondesk.client.gui;

import com.sessiondesk.apitest.TestServers;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GUI tests that share one real session service per class and open the window signed in to it. */
abstract class SharedServerGuiTest extends GuiTestBase {

    @RegisterExtension
    static final TestServers.Running<LiveServer> SERVER = LiveServer.running();
    static LiveServer server;

    @BeforeAll
    static void startServer() {
        server = SERVER.get();
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

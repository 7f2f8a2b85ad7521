package com.sessiondesk.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupClassesTest {

    @Test
    void everyListedClassExistsSoTheListHasNotRotted() {
        List<String> missing = StartupClasses.preload();
        assertEquals(List.of(), missing, "renamed or removed since the list was made: run bench/startup-classes.sh");
    }

    @Test
    void theListHoldsTheFirstWindowsClassesAndNoServiceClass() throws IOException {
        String list;
        try (InputStream in = StartupClasses.class.getResourceAsStream(StartupClasses.LIST)) {
            list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(list.contains("\njavafx.scene.control.TableView\n"), "JavaFX controls");
        assertTrue(list.contains("\norg.controlsfx.control.NotificationPane\n"), "ControlsFX");
        assertTrue(list.contains("\ncom.sessiondesk.client.sessions.SessionsController\n"), "the client's views");
        assertTrue(!list.contains("com.sessiondesk.server."), "the service starts on its own thread and loads its own");
    }
}

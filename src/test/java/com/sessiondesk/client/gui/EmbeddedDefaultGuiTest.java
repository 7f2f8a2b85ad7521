package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;

/** With no server configured the window runs the service in-process on the demo agency and signs in. */
class EmbeddedDefaultGuiTest extends GuiTestBase {

    @Test
    void embeddedDefaultFillsTheTableWithTheDemoAgencyWithoutAConnectScreen() throws Exception {
        launch(optionsFor(null));

        // First start seeds the demo agency: allow for it, bounded.
        waitUntil("the table fills with the demo agency", 60, () -> showing("#sessionsTable")
                && rowCount(table("#sessionsTable")) > 0);
        TableView<Object> sessions = table("#sessionsTable");
        assertThat(showing("#serverUrlField")).as("no connect screen").isFalse();
        assertThat(rowCount(sessions)).as("hundreds of users' sessions").isGreaterThan(100);
        List<String> applications = columnTexts(sessions, "Application").stream().distinct().toList();
        assertThat(applications).as("several mobile apps").hasSizeGreaterThan(1);
        String label = fx(() -> node("#sessionCountLabel", Label.class).getText());
        assertThat(numberBefore(label, "session")).isEqualTo(rowCount(sessions));
        try (var files = Files.list(home)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .as("the embedded database lives in the data directory")
                    .anyMatch(name -> name.endsWith(".db"));
        }
    }
}

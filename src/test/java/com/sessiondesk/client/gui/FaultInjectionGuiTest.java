package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults the real server never produces, from a fake one: a malformed answer, a request that hangs. */
class FaultInjectionGuiTest extends GuiTestBase {

    @TempDir
    static Path home;
    FakeApiServer fake;

    @BeforeAll
    static void pointHomeAtTemp() {
        useHome(home);
    }

    @AfterAll
    static void restoreHome() {
        clearHome();
    }

    @BeforeEach
    void startFake() throws Exception {
        fake = new FakeApiServer();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    private void signInToFake() throws Exception {
        launch(optionsFor(fake.baseUrl()));
        typeCredentials(fake.baseUrl(), "admin", "any-password");
    }

    private String banner() {
        return textsUnder(node("#errorBanner", Node.class));
    }

    @Test
    void malformedSessionsAnswerShowsAClearMessage() throws Exception {
        fake.answer("/api/v1/sessions", FakeApiServer.json(200, "{\"sessions\":[{\"id\":\"s1\",\"username\":"));

        signInToFake();

        waitUntil("the error banner shows", () -> showing("#errorBanner") && !banner().isBlank());
        assertThat(banner()).as("a clear message that the answer could not be read")
                .containsPattern("(?i)(malformed|cannot read|could not read|unreadable|invalid answer)");
        assertResponsiveWithin(1000);
        assertThat(rowCount(table("#sessionsTable"))).isZero();
    }

    @Test
    void hungRequestKeepsTheWindowResponsiveAndEndsInATimeoutMessage() throws Exception {
        fake.answer("/api/v1/sessions", fake.hang());

        signInToFake();
        waitUntil("the main view shows while the request hangs", () -> showing("#sessionsTable"));

        assertResponsiveWithin(1000);
        click("#searchField"); write("abc");
        TextField search = node("#searchField", TextField.class);
        waitUntil("typing works while a request hangs", 1, () -> fx(search::getText).equals("abc"));

        // The client gives up after its read timeout (30 s); allow for a loaded machine.
        waitUntil("the error banner shows", 45, () -> showing("#errorBanner") && !banner().isBlank());
        assertThat(banner()).as("a timeout message")
                .containsPattern("(?i)(timed out|time out|timeout|in time|did not answer|no answer)");
        assertResponsiveWithin(1000);
    }
}

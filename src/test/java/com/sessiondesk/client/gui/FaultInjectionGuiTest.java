package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.apitest.TestServers;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Faults the real server never produces, from a fake one: a malformed answer, a request that hangs. */
class FaultInjectionGuiTest extends GuiTestBase {

    /** A fake server of its own for each test (it holds the answers that test set). */
    @RegisterExtension
    final TestServers.Running<FakeApiServer> faked = TestServers.running(FakeApiServer::new);
    FakeApiServer fake;

    @BeforeEach
    void startFake() {
        fake = faked.get();
    }

    /** A shorter read timeout than the default 30 s, so that the hung request gives up within the test. */
    private void signInToFake() throws Exception {
        launch(optionsFor(fake.baseUrl(), "--read-timeout", "8"));
        typeCredentials(fake.baseUrl(), "admin", "any-password");
    }

    private String banner() {
        return textsUnder(node("#errorBanner", Node.class));
    }

    /** A body cut short, and a well-formed body whose login time is a number, not an instant. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{\"sessions\":[{\"id\":\"s1\",\"username\":",
        "{\"sessions\":[{\"id\":\"s1\",\"username\":\"amy\",\"loginTime\":42}]}"})
    void malformedSessionsAnswerShowsAClearMessage(String body) throws Exception {
        fake.answer("/api/v1/sessions", FakeApiServer.json(200, body));

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
        waitUntil("the sessions request reached the fake server", () -> fake.hits("/api/v1/sessions") > 0);

        assertResponsiveWithin(1000);
        click("#searchField");
        write("abc", 0);
        TextField search = node("#searchField", TextField.class);
        waitUntil("typing works while a request hangs", 1, () -> fx(search::getText).equals("abc"));
        assertThat(showing("#errorBanner")).as("the request was still hanging while we typed").isFalse();

        // The client gives up after its read timeout (8 s here); allow for a loaded machine.
        waitUntil("the error banner shows", WAIT_SECONDS, () -> showing("#errorBanner") && !banner().isBlank());
        assertThat(banner()).as("a timeout message")
                .containsPattern("(?i)(timed out|time out|timeout|in time|did not answer|no answer)");
        assertResponsiveWithin(1000);
    }
}

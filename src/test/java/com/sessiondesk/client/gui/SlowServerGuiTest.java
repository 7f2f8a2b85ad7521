package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.apitest.TestServers;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that pauses (a test double that holds a request and acts on
 * it late, as a paused server does once it resumes), that fails and comes back, or that refuses
 * with a long message.
 */
class SlowServerGuiTest extends GuiTestBase {

    static final String SESSION = "{\"id\":\"s1\",\"username\":\"amy.care\",\"name\":\"Amy Care\",\"deviceId\":\"d1\","
            + "\"deviceModel\":\"Pixel 8\",\"deviceOs\":\"Android 14\",\"application\":\"Billiyo Care\",\"appVersion\":\"3.2.0\","
            + "\"language\":\"en\",\"loginTime\":\"2026-11-30T08:00:00Z\",\"lastSeen\":\"2026-11-30T08:10:00Z\","
            + "\"pendingSyncItems\":0,\"superseded\":false}";

    /** A fake server of its own for each test (it holds the answers that test set). */
    @RegisterExtension
    final TestServers.Running<FakeApiServer> faked = TestServers.running(FakeApiServer::new);
    FakeApiServer fake;

    @BeforeEach
    void startFake() {
        fake = faked.get();
    }

    /** The answer comes too late; the client finds out what happened and says so, even after Cancel. */
    @Test
    void aLogOutThePausedServerDidLateIsReportedAsDoneAndTheWaitCanBeLeft() throws Exception {
        CountDownLatch resume = new CountDownLatch(1);
        boolean[] ended = {false};
        fake.answer("/api/v1/sessions", exchange -> FakeApiServer.json(200, ended[0]
                ? "{\"sessions\":[]}" : "{\"sessions\":[" + SESSION + "]}").respond(exchange));
        fake.answer("/api/v1/sessions/s1/logout", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                resume.await(30, TimeUnit.SECONDS); // paused: the client's read timeout passes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ended[0] = true; // resumed: the server does the log out after all
            FakeApiServer.json(200, "{\"endedSessionIds\":[\"s1\"],\"blocked\":false}").respond(exchange);
        });
        launch(optionsFor(fake.baseUrl(), "--read-timeout", "2"));
        typeCredentials(fake.baseUrl(), "admin", "any-password");
        waitUntil("the session is listed", () -> showing("#sessionsTable") && rowCount(table("#sessionsTable")) == 1);

        clickOn(buttonInRow(table("#sessionsTable"), 0, "logout-button"));
        waitUntil("the dialog opens", () -> showing("#logoutDialog"));
        clickOn(node("#logoutConfirmButton", Button.class));
        waitUntil("the server holds the request", () -> fake.hits("/api/v1/sessions/s1/logout") == 1);
        DialogPane dialog = node("#logoutDialog", DialogPane.class);
        waitUntil("the dialog says it is waiting", () -> textsUnder(dialog).contains("Logging out"));
        Button cancel = node("#logoutCancelButton", Button.class);
        assertThat(fx(cancel::isDisabled)).as("a long wait can be left").isFalse();

        clickOn(cancel);
        waitUntil("Cancel closes the dialog", () -> !showing("#logoutDialog"));
        waitUntil("the client timed out and asks the server what happened",
                () -> fake.hits("/api/v1/sessions") >= 2);
        resume.countDown();
        waitUntil("the outcome arrives as a notification", 30, () -> notification() != null
                && notification().startsWith("Done: the server confirmed late"));
        assertThat(notification()).contains("Amy Care").doesNotContain("did not answer");
    }

    /** User Accounts recovers by itself once the server is back. */
    @Test
    void userAccountsRecoversByItselfWhenTheServerIsBack() throws Exception {
        boolean[] back = {false};
        fake.answer("/api/v1/users", exchange -> FakeApiServer.json(back[0] ? 200 : 503, back[0]
                ? "{\"users\":[{\"username\":\"amy.care\",\"name\":\"Amy Care\",\"superUser\":false,\"blocked\":false,"
                        + "\"activeSessions\":0}]}"
                : "{\"error\":\"unavailable\",\"message\":\"down\"}").respond(exchange));
        launch(optionsFor(fake.baseUrl(), "--refresh", "60"));
        typeCredentials(fake.baseUrl(), "admin", "any-password");
        waitUntil("signed in", () -> showing("#sessionsTable"));
        click("#usersTab");
        waitUntil("User Accounts shows the failure", () -> showing("#usersTable") && showing("#errorBanner"));

        back[0] = true;

        waitUntil("User Accounts recovered without a click", 15, () -> !showing("#errorBanner")
                && rowCount(table("#usersTable")) == 1);
    }

    /** A long refusal grows the dialog; Cancel and the confirm button stay inside it. */
    @Test
    void aLongErrorMessageKeepsTheButtonsInsideTheDialog() throws Exception {
        fake.answer("/api/v1/sessions", FakeApiServer.json(200, "{\"sessions\":[" + SESSION + "]}"));
        fake.answer("/api/v1/sessions/s1/logout", FakeApiServer.json(400, "{\"error\":\"invalid_request\",\"message\":"
                + "\"The reason is longer than the 500 characters a device can show; shorten it and try again. "
                + "Nothing was changed: the session of Amy Care on the Pixel 8 is still active.\"}"));
        launch(optionsFor(fake.baseUrl()));
        typeCredentials(fake.baseUrl(), "admin", "any-password");
        waitUntil("the session is listed", () -> showing("#sessionsTable") && rowCount(table("#sessionsTable")) == 1);
        clickOn(buttonInRow(table("#sessionsTable"), 0, "logout-button"));
        waitUntil("the dialog opens", () -> showing("#logoutDialog"));

        clickOn(node("#logoutConfirmButton", Button.class));

        waitUntil("the refusal shows", () -> showing("#dialogErrorLabel"));
        DialogPane dialog = node("#logoutDialog", DialogPane.class);
        waitUntil("the whole message and both buttons show", () -> cutTexts(dialog).isEmpty()
                && buttonsInside(dialog));
        assertThat(textsUnder(node("#dialogErrorLabel", Node.class))).contains("still active");
    }
}

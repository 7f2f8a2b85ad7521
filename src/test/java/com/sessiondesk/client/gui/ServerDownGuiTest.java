package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.User;
import com.sessiondesk.apitest.TestServers;
import com.sessiondesk.client.gui.LiveServer.Device;
import com.sessiondesk.server.MutableClock;
import com.sessiondesk.server.ServerConfig;
import java.time.Instant;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server goes away, or stops accepting the admin's token, while the window is signed in.
 * These tests kill their server or move its clock, so each one has its own (the extension in an
 * instance field: a fresh server and SQLite file per test, closed after it).
 */
class ServerDownGuiTest extends GuiTestBase {

    /** The server's time: a test moves it instead of waiting for a timeout. */
    final MutableClock clock = new MutableClock(Instant.now());
    @RegisterExtension
    final TestServers.Running<LiveServer> running = LiveServer.running(config -> config.withClock(clock));
    LiveServer server;

    @BeforeEach
    void startServer() {
        server = running.get();
    }

    private TableView<Object> sessions() {
        return table("#sessionsTable");
    }

    private void openSignedIn(String... extra) throws Exception {
        launch(optionsFor(server.baseUrl(), extra));
        signIn(server);
        waitUntil("the sessions are loaded", () -> rowCount(sessions()) > 0);
    }

    @Test
    void serverStoppedShowsABannerKeepsTheRowsAndStaysResponsive() throws Exception {
        openSignedIn();
        int rows = server.sessions().size();
        waitUntil("every session shown", () -> rowCount(sessions()) == rows);

        server.close();
        click("#refreshButton");

        waitUntil("the error banner shows", () -> showing("#errorBanner"));
        waitUntil("the banner carries a message", () -> !textsUnder(node("#errorBanner", Node.class)).isBlank());
        assertThat(showing("#retryButton")).as("the banner offers Retry").isTrue();
        assertThat(rowCount(sessions())).as("the table keeps its last data").isEqualTo(rows);

        assertResponsiveWithin(1000);
        click("#searchField");
        long start = System.nanoTime();
        write("zz", 0);
        TextField search = node("#searchField", TextField.class);
        waitUntil("typing works while the server is gone", 1, () -> fx(search::getText).endsWith("zz"));
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to type two keys").isLessThan(1000);

        click("#retryButton");
        waitUntil("a retry against the dead server keeps the banner", () -> showing("#errorBanner"));
        assertResponsiveWithin(1000);
    }

    @Test
    void expiredSignInLeadsBackToTheConnectScreenWithTheReason() throws Exception {
        openSignedIn("--live", "0"); // the feed's requests would keep the sign-in from going idle
        clock.advance(ServerConfig.defaults().adminIdleTimeout().plusMinutes(1)); // the admin token's idle timeout passes

        // Refresh, unless another request of the window (the alerts, say) met the expired sign-in first
        // and the window already went back to the connect screen.
        fx(() -> {
            lookup("#refreshButton").queryAll().stream().filter(GuiTestBase::reallyVisible).findFirst()
                    .ifPresent(button -> ((javafx.scene.control.ButtonBase) button).fire());
            return null;
        });

        waitUntil("the connect screen shows", () -> showing("#serverUrlField") && !showing("#sessionsTable"));
        waitUntil("it says why", () -> textsUnder(mainWindow().orElseThrow().getScene().getRoot())
                .toLowerCase().contains("expired"));
        assertThat(fx(() -> node("#passwordField", TextField.class).getText())).isEmpty();
        typeInto("#passwordField", server.adminPassword);
        click("#signInButton");
        waitUntil("signing in again works", () -> showing("#sessionsTable") && rowCount(sessions()) > 0);
    }

    @Test
    void failedLogoutKeepsTheDialogOpenWithAMessage() throws Exception {
        User staff = server.freshStaff();
        Device phone = server.login(staff.username(), "Billiyo Care");
        openSignedIn();
        typeInto("#searchField", phone.deviceModel());
        waitUntil("the device's row is the only one", () -> rowCount(sessions()) == 1);
        clickOn(buttonInRow(sessions(), 0, "logout-button"));
        waitUntil("the dialog opens", () -> showing("#logoutDialog"));
        DialogPane dialog = node("#logoutDialog", DialogPane.class);
        String before = textsUnder(dialog);
        String notificationBefore = notification();

        server.close();
        clickOn(dialogButton(dialog, "Log out"));

        waitUntil("the dialog shows why the log out failed", () -> showing("#logoutDialog")
                && !fx(() -> dialogButton(dialog, "Log out").isDisabled())
                && !textsUnder(dialog).equals(before));
        assertThat(showing("#logoutDialog")).as("the dialog stays open").isTrue();
        assertResponsiveWithin(1000);
        assertThat(notification()).as("nothing is claimed")
                .doesNotContain("Signed out").isEqualTo(notificationBefore);

        clickOn(dialogButton(dialog, "Cancel"));
        waitUntil("Cancel closes it", () -> !showing("#logoutDialog"));
    }
}

package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.EventStream;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.apitest.TestServers;
import com.sessiondesk.client.gui.LiveServer.Device;
import com.sessiondesk.client.common.Messages;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Push to the device and log out after sync in the window, against the real in-process server: the log out after sync is offered only
 * with unsynced items, the ending row, turning it into an immediate log out, the delivery
 * notification and History's delivery column (updating live).
 */
class PushGuiTest extends GuiTestBase {

    @RegisterExtension
    static final TestServers.Running<LiveServer> SERVER = LiveServer.running();
    static LiveServer server;

    @BeforeAll
    static void startServer() {
        server = SERVER.get();
    }

    private void openSignedIn() throws Exception {
        launch(optionsFor(server.baseUrl()));
        signIn(server);
        waitUntil("the sessions are loaded", () -> rowCount(sessions()) > 0);
    }

    private TableView<Object> sessions() {
        return table("#sessionsTable");
    }

    private DialogPane openLogoutDialog(Device device) {
        typeInto("#searchField", device.deviceModel());
        waitUntil("the device's row is the only one", () -> rowCount(sessions()) == 1
                && rowContaining(sessions(), device.deviceModel()) == 0);
        clickOn(buttonInRow(sessions(), 0, "logout-button"));
        waitUntil("the Logout User Account dialog opens", () -> showing("#logoutDialog"));
        return node("#logoutDialog", DialogPane.class);
    }

    private void confirm() {
        clickOn(node("#logoutConfirmButton", Button.class));
        waitUntil("the dialog closes after the log out", () -> !showing("#logoutDialog"));
    }

    private void reportUnsynced(String username, Device device, int items) {
        assertThat(server.heartbeat(device, items).code()).isEqualTo(204);
        waitUntil("the server reports " + items + " unsynced items", 15, () -> server.sessionsOf(username).stream()
                .anyMatch(s -> s.id().equals(device.sessionId()) && s.pendingSyncItems() == items));
    }

    @Test
    void afterSyncIsOfferedOnlyWithUnsyncedItemsThenTheRowIsEndingAndCanBeEndedAtOnce() throws Exception {
        User clean = server.freshStaff();
        Device nothingPending = server.login(clean.username(), "Caregiver");
        User busy = server.freshStaff();
        Device pending = server.login(busy.username(), "Caregiver");
        reportUnsynced(busy.username(), pending, 3);
        openSignedIn();

        DialogPane dialog = openLogoutDialog(nothingPending);
        assertThat(showing("#afterSyncCheckBox")).as("no unsynced items: no after-sync choice").isFalse();
        assertThat(textsUnder(dialog)).contains(Messages.get("logout.warning"));
        clickOn(dialogButton(dialog, "Cancel"));
        waitUntil("Cancel closes the dialog", () -> !showing("#logoutDialog"));

        dialog = openLogoutDialog(pending);
        waitUntil("the after-sync choice shows", () -> showing("#afterSyncCheckBox"));
        assertThat(fx(() -> node("#afterSyncCheckBox", CheckBox.class).getText()))
                .isEqualTo("Log out after the device has synced (at most 15 minutes)");
        assertThat(fx(() -> node("#warningLabel", Label.class).getText()))
                .as("the seed's warning for the immediate choice").isEqualTo(Messages.get("logout.warning"));
        clickOn(node("#afterSyncCheckBox", CheckBox.class));
        assertThat(fx(() -> node("#warningLabel", Label.class).getText())).isEqualTo(Messages.format("logout.afterSync.note", 15));
        confirm();
        assertThat(notification()).contains("once synced");
        Session ending = server.sessionsOf(busy.username()).stream()
                .filter(s -> s.id().equals(pending.sessionId())).findFirst().orElseThrow();
        assertThat(ending.syncDeadline()).as("the server holds it as ending").isNotNull();

        push(KeyCode.F5);
        waitUntil("the row says it is ending", () -> rowCount(sessions()) == 1
                && textsUnder(sessions()).contains("Ending after sync: 3 items left, until "));

        // The admin makes it immediate: the same button, now without the after-sync choice.
        dialog = openLogoutDialog(pending);
        assertThat(showing("#afterSyncCheckBox")).as("already ending: only the immediate log out").isFalse();
        confirm();
        waitUntil("the row is gone", () -> rowCount(sessions()) == 0);
        assertThat(server.heartbeat(pending, 0).code()).isEqualTo(401);
    }

    @Test
    void theNotificationSaysHowManyDevicesWereToldAndHistoryShowsEachLive() throws Exception {
        User staff = server.freshStaff();
        Device online = server.login(staff.username(), "Caregiver");
        Device offline = server.login(staff.username(), "EVV");
        int total = server.sessionsOf(staff.username()).size(); // the demo may have given them a session too
        CountDownLatch ready = new CountDownLatch(1);
        try (EventStream stream = EventStream.open(new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(60)).build(), server.baseUrl(), online.token(),
                new EventStream.Listener() {
                    @Override
                    public void event(String name, String data) {
                        if (name.equals("ready")) {
                            ready.countDown();
                        }
                    }

                    @Override
                    public void refused(int status, String body) {
                    }

                    @Override
                    public void closed(IOException failure) {
                    }
                }, "gui-test-device")) {
            assertThat(ready.await(10, TimeUnit.SECONDS)).as("the device holds its stream").isTrue();
            openSignedIn();
            openLogoutDialog(online);
            clickOn(node("#allDevicesCheckBox", CheckBox.class));
            confirm();
            String[] last = {null};
            try {
                waitUntil("the notification says how many devices were told", 15,
                        () -> (last[0] = notification()).contains("Delivered to 1 of " + total + " devices"));
            } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "; the notification says: " + last[0], e);
            }
        }

        push(KeyCode.CONTROL, KeyCode.DIGIT3);
        waitUntil("History shows", () -> showing("#auditTable"));
        TableView<Object> history = table("#auditTable");
        waitUntil("the action shows 1 of n told", 15, () -> columnTexts(history, "Told").contains("1 of " + total + " told"));
        // the offline device comes back: its next request tells it, and History follows by itself
        assertThat(server.heartbeat(offline, null).code()).isEqualTo(401);
        waitUntil("the action shows 2 of n told", 15, () -> columnTexts(history, "Told").contains("2 of " + total + " told"));
    }
}

package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.ErrorBody;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.client.gui.LiveServer.Device;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/** The Logout User Account dialog opened from the Active Sessions view: one session, all devices, block, its keys and its layout. */
class LogoutDialogGuiTest extends SharedServerGuiTest {

    @Test
    void loggingOutOneSessionEndsItAndItsNextHeartbeatIs401WithTheReason() throws Exception {
        User staff = server.freshStaff();
        Device target = server.login(staff.username(), "Billiyo Care");
        Device other = server.login(staff.username(), "Billiyo Care");
        openSignedIn();

        DialogPane dialog = openLogoutDialog(target);
        assertThat(fx(() -> node("#blockUserCheckBox", CheckBox.class).isSelected())).isFalse();
        assertThat(fx(() -> node("#allDevicesCheckBox", CheckBox.class).isSelected())).isFalse();
        assertThat(textsUnder(dialog)).contains(
                "Any unsynced work the user has done offline will be lost and cannot be recovered if logout is completed.");
        String reason = "Phone reported stolen " + UUID.randomUUID();
        confirmLogout(dialog, reason);

        waitUntil("the row is gone", () -> rowContaining(sessions(), target.deviceModel()) < 0);
        waitUntil("a notification says who was signed out",
                () -> notification() != null && notification().contains("Signed out") && notification().contains(staff.name()));
        Response<Void> heartbeat = server.heartbeat(target, null);
        assertThat(heartbeat.code()).isEqualTo(401);
        ErrorBody error = LiveServer.errorOf(heartbeat);
        assertThat(error.error()).isEqualTo("session_ended");
        assertThat(error.reason()).isEqualTo(reason);
        assertThat(server.heartbeat(other, null).code()).as("the user's other session goes on").isEqualTo(204);
    }

    @Test
    void logOutFromAllDevicesEndsEverySessionOfThatUserOnly() throws Exception {
        User staff = server.freshStaff();
        User bystander = server.freshStaff();
        Device phone = server.login(staff.username(), "Billiyo Care");
        Device tablet = server.login(staff.username(), "Billiyo Timesheets");
        Device untouched = server.login(bystander.username(), "Billiyo Care");
        List<Session> before = server.sessionsOf(staff.username());
        assertThat(before).hasSizeGreaterThanOrEqualTo(2);
        // The notification counts devices: an old app version on the same device is one device.
        long devices = before.stream().map(Session::deviceId).distinct().count();
        openSignedIn();

        DialogPane dialog = openLogoutDialog(phone);
        click("#allDevicesCheckBox");
        assertThat(fx(() -> node("#allDevicesCheckBox", CheckBox.class).isSelected())).isTrue();
        confirmLogout(dialog, null);

        waitUntil("every session of the user ended on the server", () -> server.sessionsOf(staff.username()).isEmpty());
        assertThat(server.heartbeat(phone, null).code()).isEqualTo(401);
        assertThat(server.heartbeat(tablet, null).code()).isEqualTo(401);
        assertThat(server.heartbeat(untouched, null).code()).as("another user is untouched").isEqualTo(204);
        typeInto("#searchField", "");
        waitUntil("the user's rows are gone from the table", () -> rowContaining(sessions(), tablet.deviceModel()) < 0
                && rowContaining(sessions(), untouched.deviceModel()) >= 0);
        waitUntil("the notification counts the devices", () -> notification() != null
                && notification().contains(staff.name()) && notification().contains("from " + devices + " device"));
    }

    @Test
    void blockingLocksAllDevicesShowsTheUserBlockedAndRefusesLogin() throws Exception {
        User staff = server.freshStaff();
        Device phone = server.login(staff.username(), "Billiyo Care");
        openSignedIn();

        DialogPane dialog = openLogoutDialog(phone);
        click("#blockUserCheckBox");
        CheckBox allDevices = node("#allDevicesCheckBox", CheckBox.class);
        waitUntil("Block checks and locks All devices", () -> fx(() -> allDevices.isSelected() && allDevices.isDisabled()));
        confirmLogout(dialog, "Left the agency");

        waitUntil("the account is blocked on the server", () -> server.user(staff.username()).blocked());
        assertThat(server.heartbeat(phone, null).code()).isEqualTo(401);
        Response<MobileLoginResponse> login = server.mobileLogin(staff.username(), "Billiyo Care", "Pixel 8");
        assertThat(login.code()).isEqualTo(403);
        assertThat(LiveServer.errorOf(login).error()).isEqualTo("account_blocked");
        waitUntil("the notification says the account is blocked",
                () -> notification() != null && notification().contains("blocked"));

        click("#usersTab");
        waitUntil("the users table shows", () -> showing("#usersTable"));
        typeInto("#usersSearchField", staff.username());
        TableView<Object> users = table("#usersTable");
        waitUntil("the user's row shows Unblock", () -> {
            int row = rowContaining(users, staff.username());
            return row >= 0 && !fx(() -> users.lookupAll(".unblock-button")).isEmpty()
                    && buttonInRow(users, row, "unblock-button") != null;
        });
    }

    @Test
    void dialogShowsTheUnsyncedItemCount() throws Exception {
        User staff = server.freshStaff();
        Device phone = server.login(staff.username(), "Billiyo Care");
        assertThat(server.heartbeat(phone, 5).code()).isEqualTo(204);
        // The server may write heartbeats in batches (a read lags by 10 s at most).
        waitUntil("the server reports 5 unsynced items", 15, () -> server.sessionsOf(staff.username()).stream()
                .anyMatch(s -> s.id().equals(phone.sessionId()) && s.pendingSyncItems() == 5));
        openSignedIn();

        DialogPane dialog = openLogoutDialog(phone);
        waitUntil("#unsyncedWarning states the count", () -> showing("#unsyncedWarning")
                && textsUnder(node("#unsyncedWarning", javafx.scene.Node.class)).contains("5"));

        clickOn(dialogButton(dialog, "Cancel"));
        waitUntil("Cancel closes the dialog", () -> !showing("#logoutDialog"));
        assertThat(server.sessionsOf(staff.username())).extracting(Session::id).contains(phone.sessionId());
    }

    @Test
    void deleteThenEnterLogsOutNoOneEnterAfterAReasonConfirmsAndTheNextRowIsSelected() throws Exception {
        User staff = server.freshStaff();
        List<Device> devices = List.of(server.login(staff.username(), "Billiyo Care"),
                server.login(staff.username(), "Billiyo Care"), server.login(staff.username(), "Billiyo Care"));
        openSignedIn();
        typeInto("#searchField", staff.username());
        TableView<Object> table = sessions();
        waitUntil("the user's sessions are shown", () -> devices.stream()
                .allMatch(d -> rowContaining(table, d.deviceModel()) >= 0));
        int index = rowContaining(table, devices.get(0).deviceModel());
        clickRow(table, index);
        List<String> idsBefore = ids(table);
        assertThat(idOf(selected(table))).isEqualTo(devices.get(0).sessionId());

        push(KeyCode.DELETE);
        waitUntil("Delete opens the Logout User Account dialog", () -> showing("#logoutDialog"));
        Button confirm = node("#logoutConfirmButton", Button.class);
        assertThat(fx(confirm::getText)).isEqualTo("Log out");
        assertThat(fx(confirm::isDefaultButton)).as("the destructive button is not the default").isFalse();
        waitUntil("the cursor is in the reason field", () -> focusOwner().map(n -> "reasonField".equals(n.getId())).orElse(false));
        focusDialogWindow("logoutDialog");
        push(KeyCode.ENTER);
        Thread.sleep(800); // nothing to wait for: Enter must do nothing
        assertThat(devices).as("no one was logged out").allMatch(this::sessionActive);
        assertThat(showing("#logoutDialog")).as("Enter alone does not confirm").isTrue();

        write("Shift ended", 0);
        push(KeyCode.ENTER);
        waitUntil("Enter after typing a reason confirms", () -> !showing("#logoutDialog"));
        waitUntil("that session ended", () -> !sessionActive(devices.get(0)));
        waitUntil("the table reloaded", () -> rowContaining(table, devices.get(0).deviceModel()) < 0);
        assertThat(idOf(selected(table))).as("the row that took the ended one's place is selected")
                .isEqualTo(idsBefore.get(index + 1 < idsBefore.size() ? index + 1 : index - 1));
        int selectedIndex = fx(() -> table.getSelectionModel().getSelectedIndex());
        push(KeyCode.DOWN);
        assertThat(fx(() -> table.getSelectionModel().getSelectedIndex())).as("Down goes on from there")
                .isEqualTo(Math.min(selectedIndex + 1, rowCount(table) - 1));
    }

    @Test
    void loggingOutASessionThatHadAlreadyEndedSaysByWhomAndWhen() throws Exception {
        User staff = server.freshStaff();
        Device phone = server.login(staff.username(), "Billiyo Care");
        Device tablet = server.login(staff.username(), "Billiyo Timesheets");
        openSignedIn();
        typeInto("#searchField", phone.deviceModel());
        waitUntil("the device's row", () -> rowCount(sessions()) == 1);
        clickOn(buttonInRow(sessions(), 0, "logout-button"));
        waitUntil("the dialog opens", () -> showing("#logoutDialog"));
        server.logOut(phone.sessionId()); // ended meanwhile (the earlier try's answer was lost)

        clickOn(node("#logoutConfirmButton", Button.class));

        waitUntil("the dialog closes", () -> !showing("#logoutDialog"));
        waitUntil("the notification says the session had already ended, by whom and when", () -> notification() != null
                && notification().startsWith("This session had already ended: logged out by you (admin) at"));
        assertThat(notification()).doesNotContain("no active session left");
        assertThat(sessionActive(tablet)).as("the user's other session goes on").isTrue();
    }

    @Test
    void theDialogShowsItsWholeContentWithBlockTicked() throws Exception {
        User staff = server.freshStaff();
        Device phone = server.login(staff.username(), "Billiyo Care");
        server.login(staff.username(), "Billiyo Timesheets");
        openSignedIn();
        typeInto("#searchField", phone.deviceModel());
        waitUntil("the device's row", () -> rowCount(sessions()) == 1);
        clickOn(buttonInRow(sessions(), 0, "logout-button"));
        waitUntil("the dialog opens", () -> showing("#logoutDialog"));
        DialogPane dialog = node("#logoutDialog", DialogPane.class);
        assertWholeContentShows(dialog);

        click("#blockUserCheckBox");
        waitUntil("the confirm button says what it does", () -> "Block and log out".equals(
                fx(() -> node("#logoutConfirmButton", Button.class).getText())));
        waitUntil("the dialog grew: nothing is cut", () -> cutTexts(dialog).isEmpty() && buttonsInside(dialog));
        click("#allDevicesCheckBox"); // locked while Block is ticked: nothing changes
        click("#blockUserCheckBox");
        waitUntil("back to one session", () -> "Log out".equals(fx(() -> node("#logoutConfirmButton", Button.class).getText())));
        focusDialogWindow("logoutDialog");
        push(KeyCode.ESCAPE);
        waitUntil("Escape closes it", () -> !showing("#logoutDialog"));
        assertThat(sessionActive(phone)).isTrue();
    }

    private void assertWholeContentShows(DialogPane dialog) {
        waitUntil("nothing in the dialog is cut", () -> cutTexts(dialog).isEmpty() && buttonsInside(dialog));
    }

    @Test
    void ctrlBOpensTheLogoutDialogWithBlockTickedAndF1ListsTheShortcuts() throws Exception {
        openSignedIn();
        clickOn(sessions());
        fx(() -> {
            sessions().getSelectionModel().clearAndSelect(0);
            sessions().requestFocus();
            return null;
        });
        press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        waitUntil("the dialog opens", () -> showing("#logoutDialog"));
        assertThat(fx(() -> node("#blockUserCheckBox", CheckBox.class).isSelected())).as("Block ticked").isTrue();
        DialogPane dialog = node("#logoutDialog", DialogPane.class);
        clickOn(dialogButton(dialog, "Cancel"));
        waitUntil("the dialog closes", () -> !showing("#logoutDialog"));

        press(KeyCode.F1).release(KeyCode.F1);
        waitUntil("F1 lists the shortcuts", () -> showing("#shortcutsDialog"));
        assertThat(textsUnder(node("#shortcutsDialog", DialogPane.class))).contains("Ctrl+E", "Ctrl+B", "F5");
        type(KeyCode.ESCAPE);
        waitUntil("Esc closes it", () -> !showing("#shortcutsDialog"));
    }

    private List<String> ids(TableView<Object> table) {
        return fx(() -> table.getItems().stream().map(SharedServerGuiTest::idOf).toList());
    }
}

package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.ErrorBody;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.client.gui.LiveServer.Device;
import com.sessiondesk.server.DemoAgency;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/**
 * The real window against the real session service (one server for the class, on a fresh
 * SQLite file). Each test makes its own data through the mobile API before the window opens,
 * with a demo staff member no other test uses, and finds its rows by searching.
 */
class SessionDeskGuiTest extends SharedServerGuiTest {

    static final List<String> COLUMNS =
            List.of("Username", "Name", "Device", "Application", "Language", "Login Time", "Last Seen");

    // --- sign-in and the table ---

    @Test
    void superUserSignsInThroughTheConnectScreen() throws Exception {
        launch(optionsFor(server.baseUrl()));
        assertThat(fx(() -> ((Stage) mainWindow().orElseThrow()).getTitle())).contains("SessionDesk");

        typeCredentials(server.baseUrl(), LiveServer.ADMIN, server.adminPassword);

        waitUntil("the sessions table shows", () -> showing("#sessionsTable"));
        waitUntil("the connect screen is gone", () -> !showing("#signInButton"));
    }

    @Test
    void nonSuperUserIsRefusedAtSignIn() throws Exception {
        User staff = server.freshStaff();
        launch(optionsFor(server.baseUrl()));

        typeCredentials(server.baseUrl(), staff.username(), DemoAgency.STAFF_PASSWORD);

        waitUntil("the refusal is shown", () -> textsUnder(mainWindow().orElseThrow().getScene().getRoot())
                .contains("Only super users can manage sessions"));
        assertThat(showing("#signInButton")).as("still on the connect screen").isTrue();
        assertThat(showing("#sessionsTable")).isFalse();
    }

    @Test
    void sessionsTableHasExactlyTheSevenColumns() throws Exception {
        openSignedIn();
        List<String> headers = fx(() -> sessions().getVisibleLeafColumns().stream()
                .map(c -> c.getText() == null ? "" : c.getText())
                .filter(text -> !text.isBlank())
                .collect(Collectors.toList()));
        assertThat(headers).containsExactlyElementsOf(COLUMNS);
    }

    @Test
    void seededSessionsAppearNewestFirstAndTheCountLabelMatchesTheServer() throws Exception {
        User staff = server.freshStaff();
        Device newest = server.login(staff.username(), "Billiyo Care");
        openSignedIn();
        List<Session> onServer = server.sessions();
        long users = onServer.stream().map(Session::username).distinct().count();

        waitUntil("every active session is a row", () -> rowCount(sessions()) == onServer.size());
        String label = fx(() -> node("#sessionCountLabel", Label.class).getText());
        assertThat(numberBefore(label, "session")).as(label).isEqualTo(onServer.size());
        assertThat(numberBefore(label, "user")).as(label).isEqualTo(users);
        List<String> applications = columnTexts(sessions(), "Application").stream().distinct().toList();
        assertThat(applications).as("sessions of several mobile apps").hasSizeGreaterThan(1);
        // Sorted by Last Seen (the minute shown, then username), newest first: the session that just
        // logged in is in the top minute, only rows of that same minute above it.
        int newestRow = rowContaining(sessions(), newest.deviceModel());
        assertThat(newestRow).isNotNegative();
        java.time.Instant minute = fx(() -> ((com.sessiondesk.client.sessions.SessionRow) sessions().getItems().get(newestRow))
                .session().lastSeen().truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        for (int i = 0; i <= newestRow; i++) {
            int row = i;
            assertThat(fx(() -> ((com.sessiondesk.client.sessions.SessionRow) sessions().getItems().get(row))
                    .session().lastSeen().truncatedTo(java.time.temporal.ChronoUnit.MINUTES)))
                    .as("row %s is of the newest minute", row).isEqualTo(minute);
        }
    }

    @Test
    void searchNarrowsTheRowsToMatchingSessions() throws Exception {
        User staff = server.freshStaff();
        server.login(staff.username(), "Billiyo Care");
        openSignedIn();
        List<Session> all = server.sessions();
        waitUntil("every session shown", () -> rowCount(sessions()) == all.size());
        String term = staff.username();
        long expected = all.stream().filter(s -> matches(s, term)).count();

        typeInto("#searchField", term);

        waitUntil("the search narrows the table to " + expected + " rows",
                () -> rowCount(sessions()) == expected);
        assertThat(expected).isBetween(1L, all.size() - 1L);
        assertThat(columnTexts(sessions(), "Username")).contains(staff.username());

        typeInto("#searchField", "");
        waitUntil("clearing the search shows every row again", () -> rowCount(sessions()) == all.size());
    }

    private static boolean matches(Session s, String term) {
        String t = term.toLowerCase(Locale.ROOT);
        return (s.username() + "\u0001" + s.name() + "\u0001" + s.deviceModel() + "\u0001" + s.deviceOs())
                .toLowerCase(Locale.ROOT).contains(t);
    }

    // --- the Logout User Account dialog ---

    /** Searches the device's unique model and opens the dialog from its row's log-out button. */
    private DialogPane openLogoutDialog(Device device) {
        typeInto("#searchField", device.deviceModel());
        waitUntil("the device's row is the only one", () -> rowCount(sessions()) == 1
                && rowContaining(sessions(), device.deviceModel()) == 0);
        clickOn(buttonInRow(sessions(), 0, "logout-button"));
        waitUntil("the Logout User Account dialog opens", () -> showing("#logoutDialog"));
        return node("#logoutDialog", DialogPane.class);
    }

    private void confirmLogout(DialogPane dialog, String reason) {
        if (reason != null) {
            typeInto("#reasonField", reason);
        }
        clickOn(node("#logoutConfirmButton", Button.class));
        waitUntil("the dialog closes after the log out", () -> !showing("#logoutDialog"));
    }


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
    void unblockingAfterConfirmationLetsTheUserLogInAgain() throws Exception {
        User staff = server.freshStaff();
        server.block(staff.username(), "Lost badge");
        assertThat(server.mobileLogin(staff.username(), "Billiyo Care", "Pixel 8").code()).isEqualTo(403);
        openSignedIn();

        click("#usersTab");
        waitUntil("the users table shows", () -> showing("#usersTable"));
        TableView<Object> users = table("#usersTable");
        click("#blockedOnlyCheckBox");
        long blockedOnServer = server.users().stream().filter(User::blocked).count();
        waitUntil("Blocked accounts only shows the " + blockedOnServer + " blocked users",
                () -> rowCount(users) == blockedOnServer && rowContaining(users, staff.username()) >= 0);
        click("#blockedOnlyCheckBox");
        typeInto("#usersSearchField", staff.username());
        waitUntil("the blocked user's row shows", () -> rowContaining(users, staff.username()) >= 0);
        clickOn(buttonInRow(users, rowContaining(users, staff.username()), "unblock-button"));
        clickOn(confirmationOkButton());

        waitUntil("the account is unblocked on the server", () -> !server.user(staff.username()).blocked());
        assertThat(server.mobileLogin(staff.username(), "Billiyo Care", "Pixel 8").code()).isEqualTo(201);
        waitUntil("the row no longer offers Unblock", () -> {
            int row = rowContaining(users, staff.username());
            return row >= 0 && fx(() -> users.lookupAll(".unblock-button").stream()
                    .noneMatch(b -> reallyVisible(b) && rowIndexOf(b) == row));
        });
    }

    private static int rowIndexOf(javafx.scene.Node node) {
        javafx.scene.control.TableRow<?> row = ancestor(node, javafx.scene.control.TableRow.class);
        return row == null || row.isEmpty() ? -1 : row.getIndex();
    }

    /** The OK button of the confirmation Alert that is showing (a dialog other than the main window). */
    private Button confirmationOkButton() {
        Button[] ok = new Button[1];
        waitUntil("a confirmation shows", () -> fx(() -> {
            for (Window w : Window.getWindows()) {
                if (w.isShowing() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane pane) {
                    for (javafx.scene.Node n : pane.lookupAll(".button")) {
                        if (n instanceof Button b && ("confirmButton".equals(b.getId()) || "logoutConfirmButton".equals(b.getId()))) {
                            ok[0] = b;
                            return true;
                        }
                    }
                }
            }
            return false;
        }));
        return ok[0];
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
    void historyShowsTheLogoutJustDone() throws Exception {
        User staff = server.freshStaff();
        Device phone = server.login(staff.username(), "Billiyo Care");
        openSignedIn();
        String reason = "Audit check " + UUID.randomUUID().toString().substring(0, 8);

        confirmLogout(openLogoutDialog(phone), reason);
        waitUntil("the session ended", () -> server.sessionsOf(staff.username()).stream()
                .noneMatch(s -> s.id().equals(phone.sessionId())));

        click("#historyTab");
        waitUntil("the audit table shows", () -> showing("#auditTable"));
        TableView<Object> audit = table("#auditTable");
        waitUntil("the history lists the log out with its reason",
                () -> rowContaining(audit, staff.username(), reason) >= 0);
        assertThat(rowContaining(audit, staff.username(), reason)).as("newest first").isZero();

        typeInto("#auditUserFilter", staff.username());
        waitUntil("the filter keeps only that user's events", () -> rowCount(audit) >= 1
                && allRowsContain(audit, staff.username()));
    }

    @Test
    void userLogoutButtonEndsEverySessionOfThatUserWithoutBlocking() throws Exception {
        User staff = server.freshStaff();
        Device phone = server.login(staff.username(), "Billiyo Care");
        Device tablet = server.login(staff.username(), "Billiyo Timesheets");
        openSignedIn();

        click("#usersTab");
        waitUntil("the users table shows", () -> showing("#usersTable"));
        typeInto("#usersSearchField", staff.username());
        TableView<Object> users = table("#usersTable");
        waitUntil("the user's row shows", () -> rowContaining(users, staff.username()) >= 0);
        clickOn(buttonInRow(users, rowContaining(users, staff.username()), "user-logout-button"));
        Button confirm = confirmationOkButton();
        String reason = "Shift over " + UUID.randomUUID().toString().substring(0, 8);
        boolean askedForReason = showing("#reasonField");
        if (askedForReason) {
            typeInto("#reasonField", reason);
        }
        assertThat(fx(confirm::getText)).isEqualTo("Log out from all devices");
        clickOn(confirm);

        waitUntil("every session of the user ended", () -> server.sessionsOf(staff.username()).isEmpty());
        Response<Void> heartbeat = server.heartbeat(tablet, null);
        assertThat(heartbeat.code()).isEqualTo(401);
        if (askedForReason) {
            assertThat(LiveServer.errorOf(heartbeat).reason()).isEqualTo(reason);
        }
        assertThat(server.heartbeat(phone, null).code()).isEqualTo(401);
        assertThat(server.user(staff.username()).blocked()).as("logging out does not block").isFalse();
        assertThat(server.mobileLogin(staff.username(), "Billiyo Care", "Pixel 8").code()).isEqualTo(201);
    }

    @Test
    void signingOutReturnsToTheConnectScreenAndKeepsNoPasswordOnDisk() throws Exception {
        openSignedIn();

        click("#signOutButton");
        clickOn(confirmationOkButton());

        waitUntil("the connect screen shows", () -> showing("#serverUrlField") && !showing("#sessionsTable"));
        assertThat(fx(() -> node("#serverUrlField", TextInputControl.class).getText())).isEqualTo(server.baseUrl());
        assertThat(fx(() -> node("#usernameField", TextInputControl.class).getText())).isEqualTo(LiveServer.ADMIN);
        assertThat(fx(() -> node("#passwordField", TextInputControl.class).getText())).isEmpty();
        try (var files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1))
                        .as("%s holds no password", file).doesNotContain(server.adminPassword);
            }
        }
    }

    /** Every row of the table mentions the text (in a cell value or the row's own text). */
    private boolean allRowsContain(TableView<Object> table, String text) {
        return fx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                StringBuilder row = new StringBuilder(String.valueOf(table.getItems().get(i)));
                for (var column : table.getVisibleLeafColumns()) {
                    row.append('\u0001').append(column.getCellData(i));
                }
                if (!row.toString().contains(text)) {
                    return false;
                }
            }
            return true;
        });
    }

    /** The integer right before a word in a label such as "312 sessions · 198 users". */
    static long numberBefore(String text, String word) {
        Matcher m = Pattern.compile("(\\d[\\d,.\u00a0\u202f]*)\\s*" + word).matcher(text);
        assertThat(m.find()).as("\"%s\" has a count of %s", text, word).isTrue();
        return Long.parseLong(m.group(1).replaceAll("[^\\d]", ""));
    }
}

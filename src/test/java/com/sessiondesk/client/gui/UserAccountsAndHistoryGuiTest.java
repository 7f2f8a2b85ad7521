package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.User;
import com.sessiondesk.client.gui.LiveServer.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/** The User Accounts view (log out, block, unblock, sort) and the History view (the audit log and its search). */
class UserAccountsAndHistoryGuiTest extends SharedServerGuiTest {

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
    void userAccountsLogOutFromAllDevicesIsNotTheDefaultEither() throws Exception {
        User staff = server.freshStaff();
        Device phone = server.login(staff.username(), "Billiyo Care");
        Device tablet = server.login(staff.username(), "Billiyo Timesheets");
        openSignedIn();
        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        waitUntil("Ctrl+2 shows User Accounts", () -> showing("#usersTable"));
        typeInto("#usersSearchField", staff.username());
        TableView<Object> users = table("#usersTable");
        waitUntil("the user's row shows", () -> rowCount(users) == 1);
        clickRow(users, 0);

        push(KeyCode.DELETE);
        waitUntil("the same Logout User Account dialog opens", () -> showing("#logoutDialog"));
        assertThat(fx(() -> node("#logoutConfirmButton", Button.class).getText())).isEqualTo("Log out from all devices");
        waitUntil("the cursor is in the reason field", () -> focusOwner().map(n -> "reasonField".equals(n.getId())).orElse(false));
        focusDialogWindow("logoutDialog");
        push(KeyCode.ENTER);
        Thread.sleep(800);
        assertThat(sessionActive(phone) && sessionActive(tablet)).as("no one was logged out").isTrue();
        assertThat(showing("#logoutDialog")).as("Enter alone does not confirm").isTrue();
        push(KeyCode.ESCAPE);
        waitUntil("Escape closes it", () -> !showing("#logoutDialog"));
        assertThat(sessionActive(phone) && sessionActive(tablet)).as("no one was logged out").isTrue();
    }

    @Test
    void userAccountsSortAndBlockAnyUserHistorySearchesByNameAndShowsTheDevice() throws Exception {
        User staff = server.freshStaff();
        User idle = server.freshStaff(); // no session from this test
        Device phone = server.login(staff.username(), "Billiyo Care");
        openSignedIn();
        typeInto("#searchField", phone.deviceModel());
        waitUntil("the device's row", () -> rowCount(sessions()) == 1);
        clickRow(sessions(), 0);
        push(KeyCode.DELETE);
        waitUntil("the dialog opens", () -> showing("#logoutDialog"));
        clickOn(node("#logoutConfirmButton", Button.class));
        waitUntil("logged out", () -> !sessionActive(phone));

        click("#usersTab");
        TableView<Object> users = table("#usersTable");
        waitUntil("the users are listed", () -> rowCount(users) > 10);
        TableColumn<Object, ?> username = fx(() -> users.getColumns().get(0));
        Node header = fx(() -> users.lookupAll(".column-header").stream()
                .filter(h -> h.lookup(".label") instanceof Label l && "Username".equals(l.getText()))
                .findFirst().orElseThrow());
        clickOn(header);
        clickOn(header);
        waitUntil("the users are sorted by username, descending after two clicks", () -> fx(() -> {
            List<String> names = new ArrayList<>();
            for (int i = 0; i < users.getItems().size(); i++) {
                names.add(String.valueOf(username.getCellData(i)));
            }
            List<String> sorted = new ArrayList<>(names);
            sorted.sort(java.util.Comparator.reverseOrder());
            return names.size() > 10 && names.equals(sorted);
        }));

        typeInto("#usersSearchField", idle.username());
        waitUntil("the idle user's row", () -> rowCount(users) == 1);
        clickOn(buttonInRow(users, 0, "block-button"));
        waitUntil("the dialog opens with Block ticked", () -> showing("#logoutDialog"));
        assertThat(fx(() -> node("#logoutConfirmButton", Button.class).getText())).isEqualTo("Block and log out");
        typeInto("#reasonField", "Contract ended");
        clickOn(node("#logoutConfirmButton", Button.class));
        waitUntil("the account is blocked on the server", () -> server.user(idle.username()).blocked());

        click("#historyTab");
        TableView<Object> audit = table("#auditTable");
        waitUntil("the history is listed", () -> rowCount(audit) > 0);
        typeInto("#auditUserFilter", staff.name());
        waitUntil("searching by the person's name finds the log out", () -> rowCount(audit) >= 1
                && rowContaining(audit, staff.username(), phone.deviceModel()) >= 0);
        typeInto("#auditUserFilter", "no such person zzz");
        waitUntil("an empty result says so", () -> rowCount(audit) == 0
                && textsUnder(audit).contains("No admin actions match the search."));
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

    private static int rowIndexOf(javafx.scene.Node node) {
        javafx.scene.control.TableRow<?> row = ancestor(node, javafx.scene.control.TableRow.class);
        return row == null || row.isEmpty() ? -1 : row.getIndex();
    }
}

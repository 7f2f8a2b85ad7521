package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.User;
import com.sessiondesk.client.gui.LiveServer.Device;
import java.nio.file.Files;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

/** The row's log-out action always reachable, and the log-out dialogs telling the whole truth. */
class SessionActionsGuiTest extends SharedServerGuiTest {

    private TableColumn<Object, ?> actionsColumn(TableView<Object> table) {
        return fx(() -> table.getColumns().stream().filter(c -> "actions-column".equals(c.getId())).findFirst().orElseThrow());
    }

    @Test
    void theLogOutColumnHasANameCannotBeHiddenAndAnOldRememberedHiddenStateIsIgnored() throws Exception {
        // an older client remembered the unnamed column as hidden
        Files.writeString(home.resolve("client.properties"), "sessions.hiddenColumns=actions-column,language-column\n");
        openSignedIn();
        TableView<Object> table = sessions();
        TableColumn<Object, ?> actions = actionsColumn(table);
        assertThat(fx(actions::isVisible)).as("the log-out column shows whatever was remembered").isTrue();
        assertThat(fx(() -> table.getColumns().stream().filter(c -> "language-column".equals(c.getId())).findFirst()
                .orElseThrow().isVisible())).as("other remembered choices still apply").isFalse();
        assertThat(fx(actions::getText)).isEqualTo("Log out");
        assertThat(buttonInRow(table, 0, "logout-button")).isNotNull();

        // The chooser's item is bound to the column's visibility: unticking it sets it false.
        fx(() -> {
            actions.setVisible(false);
            return null;
        });
        assertThat(fx(actions::isVisible)).as("unticking it does not hide the action").isTrue();
        assertThat(buttonInRow(table, 0, "logout-button")).as("every row keeps its log-out button").isNotNull();
        fx(() -> { // another choice is written: the log-out column is never among the hidden ones
            table.getColumns().stream().filter(c -> "language-column".equals(c.getId())).findFirst().orElseThrow().setVisible(true);
            return null;
        });
        waitUntil("the choice is written", () -> !Files.readString(home.resolve("client.properties")).contains("actions-column"));
        assertThat(Files.readString(home.resolve("client.properties"))).contains("sessions.hiddenColumns=");
    }

    @Test
    void anUnsyncedCountThatArrivesWhileTheDialogIsOpenShowsWithLogOutAfterSync() throws Exception {
        User staff = server.freshStaff();
        Device phone = server.login(staff.username(), "Billiyo Care");
        openSignedIn();
        DialogPane dialog = openLogoutDialog(phone);
        assertThat(showing("#unsyncedWarning")).as("no count yet").isFalse();
        assertThat(showing("#afterSyncCheckBox")).isFalse();

        assertThat(server.heartbeat(phone, 2).code()).isEqualTo(204); // the device reports 2 unsynced items

        waitUntil("the open dialog shows the count", 15, () -> showing("#unsyncedWarning")
                && textsUnder(node("#unsyncedWarning", Node.class)).contains("2 unsynced items"));
        waitUntil("and offers log out after sync", () -> showing("#afterSyncCheckBox"));
        clickOn(node("#afterSyncCheckBox", CheckBox.class));
        confirmLogout(dialog, null);
        waitUntil("the session is ending, not ended", () -> server.sessionsOf(staff.username()).stream()
                .anyMatch(s -> s.id().equals(phone.sessionId()) && s.ending()));
    }

    @Test
    void theBulkDialogConfirmsOnEnterAfterAReasonSpeaksOfThreeUsersAndOffersLogOutAfterSync() throws Exception {
        List<User> staff = List.of(server.freshStaff(), server.freshStaff(), server.freshStaff());
        List<Device> phones = staff.stream().map(u -> server.login(u.username(), "Billiyo Care")).toList();
        assertThat(server.heartbeat(phones.get(0), 3).code()).isEqualTo(204);
        waitUntil("the server reports 3 unsynced items", 15, () -> server.sessionsOf(staff.get(0).username()).stream()
                .anyMatch(s -> s.pendingSyncItems() == 3));
        openSignedIn();
        TableView<Object> table = sessions();
        fx(() -> {
            table.getSelectionModel().clearSelection();
            for (Device phone : phones) {
                for (int i = 0; i < table.getItems().size(); i++) {
                    if (phone.sessionId().equals(idOf(table.getItems().get(i)))) {
                        table.getSelectionModel().select(i);
                    }
                }
            }
            table.requestFocus();
            return null;
        });
        assertThat(fx(() -> table.getSelectionModel().getSelectedItems().size())).isEqualTo(3);
        push(KeyCode.DELETE);
        waitUntil("the bulk confirmation opens", () -> showing("#bulkLogoutConfirmButton"));
        String warning = fx(() -> node("#bulkLogoutDialog", DialogPane.class).lookupAll(".logout-warning").stream()
                .map(n -> ((Label) n).getText()).findFirst().orElse(""));
        assertThat(warning).contains("the 3 users have").doesNotContain("the user has");
        waitUntil("log out after sync is offered", () -> showing("#afterSyncCheckBox"));
        clickOn(node("#afterSyncCheckBox", CheckBox.class));
        clickOn(node("#reasonField", javafx.scene.control.TextField.class));
        write("Shift over", 0);
        push(KeyCode.ENTER);

        waitUntil("Enter after a reason confirms", () -> !showing("#bulkLogoutConfirmButton"));
        waitUntil("the sessions are ending, told to sync first", () -> phones.stream().allMatch(phone ->
                server.sessionsOf(phone.username()).stream().anyMatch(s -> s.id().equals(phone.sessionId()) && s.ending())));
        waitUntil("the notification says so", () -> notification().startsWith("Told 3 sessions to sync first"));
        org.controlsfx.control.NotificationPane pane = node("#notificationPane", org.controlsfx.control.NotificationPane.class);
        Node footer = node("#statusBar", Node.class);
        Node bar = fx(() -> pane.lookup(".notification-bar"));
        assertThat(fx(() -> bar.localToScene(bar.getBoundsInLocal()).getMaxY()
                < footer.localToScene(footer.getBoundsInLocal()).getMinY())).as("it never covers the footer").isTrue();
        waitUntil("it closes by itself", 15, () -> !fx(pane::isShowing));
    }

    @Test
    void rowsDoNotMoveUnderThePointerAndTheWaitingChangesApplyWhenItLeaves() throws Exception {
        server.login(server.freshStaff().username(), "Billiyo Care");
        openSignedIn();
        TableView<Object> table = sessions();
        List<String> before = fx(() -> table.getItems().stream().map(SharedServerGuiTest::idOf).toList());
        moveTo(drawnRow(table, 1)); // the pointer rests on a row, about to click
        waitUntil("the table is under the pointer", () -> fx(table::isHover));

        Device newcomer = server.login(server.freshStaff().username(), "Billiyo Care"); // would come in at the top

        waitUntil("the label says a change waits", 15, () -> showing("#heldLabel")
                && "1 change waits".equals(fx(() -> node("#heldLabel", Label.class).getText())));
        assertThat(fx(() -> table.getItems().stream().map(SharedServerGuiTest::idOf).toList()))
                .as("the order holds under the pointer").isEqualTo(before);

        moveTo(node("#searchField", javafx.scene.control.TextField.class));

        waitUntil("the waiting change applies once the pointer left", () -> rowContaining(table, newcomer.deviceModel()) >= 0);
        assertThat(showing("#heldLabel")).isFalse();
    }
}

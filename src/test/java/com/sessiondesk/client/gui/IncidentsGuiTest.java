package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Alert;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.client.gui.LiveServer.Device;
import com.sessiondesk.client.sessions.SessionRow;
import java.util.List;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import retrofit2.Response;

/**
 * The incidents against the real service: a lost or stolen phone blocked from the Logout User
 * Account dialog (and unblocked from the blocked devices), an alert arriving live and acted on, and
 * the new-device badge and filter.
 */
class IncidentsGuiTest extends SharedServerGuiTest {

    @Test
    void blockingTheDeviceEndsItsSessionsOfEveryUserKeepsTheAccountsAndUnblockLetsItBackIn() throws Exception {
        User staff = server.freshStaff();
        User colleague = server.freshStaff();
        String sharedId = "tablet-" + UUID.randomUUID();
        String model = "SharedTab-" + UUID.randomUUID().toString().substring(0, 8);
        Device lost = server.loginOn(staff.username(), "Billiyo Care", sharedId, model);
        Device colleagueOnIt = server.loginOn(colleague.username(), "Billiyo Care", sharedId, model);
        Device otherPhone = server.login(staff.username(), "Billiyo Care");
        openSignedIn();

        typeInto("#searchField", staff.username());
        waitUntil("the user's row on the tablet", () -> rowContaining(sessions(), model) >= 0);
        clickOn(buttonInRow(sessions(), rowContaining(sessions(), model), "logout-button"));
        waitUntil("the Logout User Account dialog opens", () -> showing("#logoutDialog"));
        DialogPane dialog = node("#logoutDialog", DialogPane.class);
        assertThat(textsUnder(dialog)).contains("The device is lost or stolen: block this device");
        click("#blockDeviceCheckBox");
        assertThat(fx(() -> node("#blockUserCheckBox", CheckBox.class).isSelected())).isFalse();
        waitUntil("the confirm button names the device block",
                () -> "Block this device".equals(fx(() -> node("#logoutConfirmButton", javafx.scene.control.Button.class).getText())));
        confirmLogout(dialog, "Tablet stolen from the car");
        waitUntil("the notification says the device was blocked", () -> notification() != null
                && notification().startsWith("Blocked the device " + model) && notification().contains("2 sessions ended"));

        waitUntil("both users' sessions on the tablet ended", () -> !sessionActive(lost) && !sessionActive(colleagueOnIt));
        assertThat(server.heartbeat(lost, null).code()).isEqualTo(401);
        assertThat(server.heartbeat(colleagueOnIt, null).code()).isEqualTo(401);
        assertThat(server.heartbeat(otherPhone, null).code()).as("the user's other phone keeps working").isEqualTo(204);
        assertThat(server.user(staff.username()).blocked()).as("the account stays usable").isFalse();
        Response<MobileLoginResponse> again = server.mobileLogin(staff.username(), "Billiyo Care", "3.2.0", sharedId, model);
        assertThat(again.code()).isEqualTo(403);
        assertThat(LiveServer.errorOf(again).error()).isEqualTo("device_blocked");
        waitUntil("the tablet's rows left the table", () -> rowContaining(sessions(), model) < 0);

        click("#alertsTab");
        waitUntil("the blocked devices show", () -> showing("#devicesTable"));
        TableView<Object> devices = table("#devicesTable");
        waitUntil("the tablet is listed as blocked, with the reason",
                () -> rowContaining(devices, sharedId, "Tablet stolen from the car") >= 0);
        clickOn(buttonInRow(devices, rowContaining(devices, sharedId), "device-unblock-button"));
        clickOn(confirmationOkButton());
        waitUntil("the tablet left the blocked list", () -> rowContaining(devices, sharedId) < 0);
        assertThat(server.blockedDevices()).noneMatch(d -> d.deviceId().equals(sharedId));
        assertThat(server.mobileLogin(colleague.username(), "Billiyo Care", "3.2.0", sharedId, model).code())
                .as("unblocked: the tablet signs in again").isEqualTo(201);
    }

    @Test
    void failedLoginsRaiseALiveAlertThatIsCountedShownAcknowledgedAndActedOn() throws Exception {
        User staff = server.freshStaff();
        openSignedIn();
        click("#alertsTab");
        waitUntil("the alerts show", () -> showing("#alertsTable"));
        TableView<Object> alerts = table("#alertsTable");
        long openBefore = server.alerts().stream().filter(Alert::open).count();
        waitUntil("the indicator counts the open alerts", () -> openCount() == openBefore);

        String guesserDevice = "guesser-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(server.wrongLogin(staff.username(), guesserDevice)).isEqualTo(401);
        }

        waitUntil("the indicator count rises", 10, () -> openCount() == openBefore + 1);
        waitUntil("the Alerts view shows it without a reload", () -> rowContaining(alerts, staff.username(), "Failed logins") >= 0);
        waitUntil("a notification announces it", () -> notification() != null
                && notification().startsWith("New alert: 5 failed logins for " + staff.username()));

        int row = rowContaining(alerts, staff.username(), "Failed logins");
        clickOn(buttonInRow(alerts, row, "alert-block-account-button"));
        waitUntil("the Logout User Account dialog opens with Block ticked", () -> showing("#logoutDialog")
                && fx(() -> node("#blockUserCheckBox", CheckBox.class).isSelected()));
        clickOn(dialogButton(node("#logoutDialog", DialogPane.class), "Cancel"));
        waitUntil("Cancel closes it", () -> !showing("#logoutDialog"));
        assertThat(server.user(staff.username()).blocked()).isFalse();

        clickOn(buttonInRow(alerts, rowContaining(alerts, staff.username(), "Failed logins"), "alert-acknowledge-button"));
        waitUntil("the service records who acknowledged it", () -> server.alerts().stream()
                .anyMatch(a -> staff.username().equals(a.username()) && LiveServer.ADMIN.equals(a.acknowledgedBy())));
        waitUntil("the indicator count drops", () -> openCount() == openBefore);
        waitUntil("the row says who acknowledged it", () -> rowContaining(alerts, staff.username(), "acknowledgedBy=" + LiveServer.ADMIN) >= 0);
    }

    @Test
    void theAlertsHeadersAreWholeAt900And1280Px() throws Exception {
        openSignedIn();
        click("#alertsTab");
        waitUntil("the alerts show", () -> showing("#alertsTable"));
        for (double width : new double[] {900, 1280}) {
            javafx.stage.Stage stage = (javafx.stage.Stage) mainWindow().orElseThrow();
            fx(() -> {
                stage.setWidth(width);
                stage.setHeight(700);
                return null;
            });
            waitUntil("the window is " + width + " wide", () -> fx(() -> Math.abs(stage.getScene().getWidth() - width) < 40));
            List<String> cut = new java.util.ArrayList<>();
            waitUntil("every header of the alerts is whole at " + width + " px", () -> fx(() -> {
                stage.getScene().getRoot().applyCss();
                stage.getScene().getRoot().layout();
                cut.clear();
                cut.addAll(cutHeaders(table("#alertsTable")));
                return cut.isEmpty();
            }));
            assertThat(cut).as("headers cut at " + width + " px").isEmpty();
            assertThat(headersWithoutTheirName(table("#devicesTable"))).as("blocked devices' headers without their name in a tooltip at "
                    + width + " px (they may be cut)").isEmpty();
        }
    }

    /** The named headers whose tooltip does not give their whole name. */
    private static List<String> headersWithoutTheirName(TableView<Object> table) {
        return fx(() -> table.lookupAll(".column-header").stream()
                .filter(n -> n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() != null
                        && !h.getTableColumn().getText().isEmpty())
                .map(n -> (javafx.scene.control.skin.TableColumnHeader) n)
                .filter(h -> tooltipOf(h) == null || !h.getTableColumn().getText().equals(tooltipOf(h).getText()))
                .map(h -> h.getTableColumn().getText()).toList());
    }

    /** The header texts drawn shorter than they are ("…"). */
    private static List<String> cutHeaders(TableView<Object> table) {
        List<String> cut = new java.util.ArrayList<>();
        for (Node header : table.lookupAll(".column-header .label")) {
            if (header instanceof Label label && !label.getText().isEmpty()) {
                label.getChildrenUnmodifiable().stream().filter(javafx.scene.text.Text.class::isInstance)
                        .map(t -> ((javafx.scene.text.Text) t).getText())
                        .filter(drawn -> !drawn.equals(label.getText())).forEach(drawn -> cut.add(label.getText() + " as " + drawn));
            }
        }
        return cut;
    }

    @Test
    void tabReachesTheSelectedAlertsActionsAndSpaceActs() throws Exception {
        User staff = server.freshStaff();
        openSignedIn();
        click("#alertsTab");
        waitUntil("the alerts show", () -> showing("#alertsTable"));
        TableView<Object> alerts = table("#alertsTable");
        String guesserDevice = "guesser-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(server.wrongLogin(staff.username(), guesserDevice)).isEqualTo(401);
        }
        waitUntil("the alert arrives", 10, () -> rowContaining(alerts, staff.username(), "Failed logins") >= 0);
        int row = rowContaining(alerts, staff.username(), "Failed logins");
        fx(() -> {
            alerts.getSelectionModel().clearAndSelect(row);
            alerts.requestFocus();
            return null;
        });
        javafx.scene.Scene scene = fx(alerts::getScene);
        boolean reached = false;
        for (int i = 0; i < 60 && !reached; i++) {
            push(javafx.scene.input.KeyCode.TAB);
            reached = fx(() -> scene.getFocusOwner() != null && "acknowledgeAction".equals(scene.getFocusOwner().getId()));
        }
        assertThat(reached).as("Tab reaches the Acknowledge action of the selected alert").isTrue();
        assertThat(fx(() -> node("#blockAccountAction", javafx.scene.control.Button.class).isDisabled()))
                .as("the account's alert can block it").isFalse();
        push(javafx.scene.input.KeyCode.SPACE);
        waitUntil("Space acknowledged it", () -> server.alerts().stream()
                .anyMatch(a -> staff.username().equals(a.username()) && LiveServer.ADMIN.equals(a.acknowledgedBy())));
    }

    @Test
    void aNewDeviceIsMarkedAndNewDevicesOnlyKeepsIt() throws Exception {
        User staff = server.freshStaff();
        String deviceId = "phone-" + UUID.randomUUID();
        String model = "FirstPhone-" + UUID.randomUUID().toString().substring(0, 8);
        server.loginOn(staff.username(), "Billiyo Care", deviceId, model);
        Device sameDevice = server.loginOn(staff.username(), "Billiyo Timesheets", deviceId, model);
        List<Session> held = server.sessionsOf(staff.username());
        Session first = held.stream().filter(s -> !s.id().equals(sameDevice.sessionId())).findFirst().orElseThrow();
        Session second = held.stream().filter(s -> s.id().equals(sameDevice.sessionId())).findFirst().orElseThrow();
        assertThat(first.newDevice()).as("the user's first login on this phone").isTrue();
        assertThat(second.newDevice()).as("the same phone again").isFalse();
        openSignedIn();

        typeInto("#searchField", model);
        waitUntil("both rows of the phone show", () -> rowCount(sessions()) == 2);
        waitUntil("the new device's row has its badge, explained", () -> fx(() -> sessions().lookupAll(".row-badge").stream()
                .filter(GuiTestBase::reallyVisible).map(n -> (Label) n)
                .anyMatch(badge -> "New".equals(badge.getText()))));

        click("#newOnlyCheckBox");
        waitUntil("New devices only keeps the new one",
                () -> rowCount(sessions()) == 1 && idOf(fx(() -> sessions().getItems().get(0))).equals(first.id()));
        click("#newOnlyCheckBox");
        waitUntil("unticked, both show again", () -> rowCount(sessions()) == 2);
    }

    /**
     * "New devices only" ticked as early as the window allows (before or as the first list arrives)
     * keeps its rows after the load and after the feed's answers: a session from a new device that
     * starts later shows, one from a known device stays hidden.
     */
    @Test
    void newDevicesOnlyTickedAsTheFirstListArrivesHoldsAfterTheLoadAndTheFeed() throws Exception {
        User staff = server.freshStaff();
        String deviceId = "phone-" + UUID.randomUUID();
        String model = "EarlyPhone-" + UUID.randomUUID().toString().substring(0, 8);
        Device fresh = server.loginOn(staff.username(), "Billiyo Care", deviceId, model);
        Device known = server.loginOn(staff.username(), "Billiyo Timesheets", deviceId, model);
        launch(optionsFor(server.baseUrl()));
        signIn(server);
        waitUntil("the filter shows", () -> showing("#newOnlyCheckBox"));
        CheckBox newOnly = node("#newOnlyCheckBox", CheckBox.class);
        click("#newOnlyCheckBox"); // (the pointer stays there, off the table: the table's order does not hold)
        waitUntil("the new sessions are loaded", () -> rowCount(sessions()) > 0);
        assertThat(fx(newOnly::isSelected)).as("still ticked after the first load").isTrue();
        assertThat(shownIds()).as("after the first load").contains(fresh.sessionId()).doesNotContain(known.sessionId());
        assertThat(allShownNew()).as("only new sessions after the first load").isTrue();

        User later = server.freshStaff();
        String laterId = "phone-" + UUID.randomUUID();
        Device laterPhone = server.loginOn(later.username(), "Billiyo Care", laterId, model);
        Device laterKnown = server.loginOn(later.username(), "Billiyo Timesheets", laterId, model);
        assertThat(server.heartbeat(known, 3).code()).isEqualTo(204);
        waitUntil("the feed brought the new phone's session", 15, () -> shownIds().contains(laterPhone.sessionId()));
        assertThat(fx(newOnly::isSelected)).as("still ticked after the feed's answer").isTrue();
        assertThat(shownIds()).as("after the feed's answer").doesNotContain(known.sessionId(), laterKnown.sessionId());
        assertThat(allShownNew()).as("only new sessions after the feed's answer").isTrue();
    }

    private List<String> shownIds() {
        return fx(() -> sessions().getItems().stream().map(SharedServerGuiTest::idOf).toList());
    }

    private boolean allShownNew() {
        return fx(() -> sessions().getItems().stream().map(row -> ((SessionRow) row).session())
                .allMatch(s -> s.newDevice() || s.newAddress()));
    }

    private long openCount() {
        return fx(() -> {
            Label count = node("#alertCountLabel", Label.class);
            return count.isVisible() ? Long.parseLong(count.getText()) : 0L;
        });
    }
}

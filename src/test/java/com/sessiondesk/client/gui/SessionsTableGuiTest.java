package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.client.common.Cells;
import com.sessiondesk.client.gui.LiveServer.Device;
import com.sessiondesk.client.sessions.SessionRow;
import java.util.List;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/** The Active Sessions table: its columns, order and counts, new rows, the keyboard focus, and small windows. */
class SessionsTableGuiTest extends SharedServerGuiTest {

    static final List<String> COLUMNS =
            List.of("Username", "Name", "Device", "Application", "Language", "Login Time", "Last Seen");

    @Test
    void sessionsTableHasExactlyTheSevenColumns() throws Exception {
        openSignedIn();
        List<String> headers = fx(() -> sessions().getVisibleLeafColumns().stream()
                .filter(c -> !"actions-column".equals(c.getId())) // the row's log-out icon, not a data column
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
    void atTheTopOfTheListANewSessionComesIntoViewHighlighted() throws Exception {
        openSignedIn();
        TableView<Object> table = sessions();
        int before = rowCount(table);
        Device newest = server.login(server.freshStaff().username(), "Billiyo Care");

        push(KeyCode.F5);

        waitUntil("the new session is listed", () -> rowCount(table) == before + 1);
        // Newest first (Last Seen by the minute shown, then username): only rows of its minute are above it.
        int newestRow = rowContaining(table, newest.deviceModel());
        java.time.Instant minute = fx(() -> ((SessionRow) table.getItems().get(newestRow)).session().lastSeen()
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        assertThat(fx(() -> ((SessionRow) table.getItems().get(0)).session().lastSeen()
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES))).isEqualTo(minute);
        waitUntil("the view stays at the top: the first row is drawn", () -> drawnRow(table, 0) != null);
        waitUntil("the new row is in view", () -> drawnRow(table, newestRow) != null);
        assertThat(fx(() -> drawnRow(table, newestRow).getPseudoClassStates().contains(PseudoClass.getPseudoClass("fresh"))))
                .as("the new row is highlighted").isTrue();
    }

    @Test
    void tabLeavesTheTableInOneStepAndARefreshNeverPutsFocusOnAnotherPersonsButton() throws Exception {
        User staff = server.freshStaff();
        server.login(staff.username(), "Billiyo Care");
        openSignedIn();
        TableView<Object> table = sessions();
        clickRow(table, 2);
        assertThat(focusOwner()).hasValue(table);

        push(KeyCode.TAB);
        assertThat(focusOwner()).as("Tab leaves the table").hasValueSatisfying(
                n -> assertThat(ancestor(n, TableView.class)).as("focus owner %s inside the table", n).isNull());
        assertThat(fx(() -> table.lookupAll(".logout-button").stream().noneMatch(Node::isFocusTraversable)))
                .as("row buttons are reached by Delete / Ctrl+L, not by Tab").isTrue();

        clickRow(table, 2);
        String before = idOf(selected(table));
        server.login(server.freshStaff().username(), "Billiyo Care"); // a new row above
        push(KeyCode.F5);
        waitUntil("the new session is listed", () -> rowCount(table) == server.sessions().size());
        assertThat(focusOwner()).as("the focus stays on the table, not on a row's button")
                .hasValueSatisfying(n -> assertThat(n).isSameAs(table));
        assertThat(idOf(selected(table))).as("the same session stays selected").isEqualTo(before);
        push(KeyCode.SPACE);
        Thread.sleep(500);
        assertThat(showing("#logoutDialog")).as("Space opens no dialog for anyone").isFalse();
    }

    @Test
    void atSmallWindowSizesTimesKeepTheTimeOfDayAndTheNavigationFits() throws Exception {
        openSignedIn();
        for (int[] size : new int[][] {{1280, 800}, {1024, 700}}) {
            fx(() -> {
                Stage stage = (Stage) mainWindow().orElseThrow();
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
                return null;
            });
            waitUntil("the window is " + size[0] + " wide", () -> fx(() -> mainWindow().orElseThrow().getWidth()) == size[0]);
            TableView<Object> table = sessions();
            List<String> loginTimes = columnTexts(table, "Login Time");
            assertThat(loginTimes).as("at %s×%s", size[0], size[1]).isNotEmpty()
                    .allMatch(text -> text.matches(".*\\d:\\d\\d.*"));
            for (String header : List.of("Login Time", "Last Seen")) {
                assertThat(fx(() -> table.lookupAll(".table-cell").stream()
                        .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                                && header.equals(c.getTableColumn().getText()) && !c.isEmpty() && reallyVisible(c))
                        .filter(n -> Cells.isCut((Labeled) n)).map(n -> ((Labeled) n).getText()).toList()))
                        .as("%s cells drawn cut at %s wide", header, size[0]).isEmpty();
            }
            for (String tab : List.of("#sessionsTab", "#usersTab", "#historyTab", "#signOutButton")) {
                Labeled nav = node(tab, Labeled.class);
                boolean iconOnly = fx(() -> nav.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY);
                assertThat(iconOnly || !fx(() -> Cells.isCut(nav))).as("%s at %s wide is not cut", tab, size[0]).isTrue();
                assertThat(fx(nav::getTooltip)).as("%s names itself in a tooltip", tab).isNotNull();
            }
            TableCell<?, ?> cell = fx(() -> table.lookupAll(".table-cell").stream()
                    .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                            && "Login Time".equals(c.getTableColumn().getText()) && !c.isEmpty() && reallyVisible(c))
                    .map(n -> (TableCell<?, ?>) n).findFirst().orElseThrow());
            moveTo(cell);
            waitUntil("the cell offers its full value", () -> fx(() -> tooltipOf(cell)) != null);
            assertThat(fx(() -> tooltipOf(cell).getText())).as("the full date and time").matches(".*\\d{4}.*\\d:\\d\\d.*");
        }
        int badges = fx(() -> (int) sessions().lookupAll(".row-badge").stream()
                .filter(GuiTestBase::reallyVisible).filter(b -> ((Label) b).getTooltip() == null).count());
        assertThat(badges).as("every badge explains itself in a tooltip").isZero();
    }
}

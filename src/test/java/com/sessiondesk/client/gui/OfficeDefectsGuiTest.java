package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.User;
import com.sessiondesk.client.common.Cells;
import com.sessiondesk.client.gui.LiveServer.Device;
import com.sessiondesk.client.sessions.SessionRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the defects an office super user found, each against the real window and the real
 * session service (one server for the class; each test uses staff no other test uses).
 */
class OfficeDefectsGuiTest extends SharedServerGuiTest {

    /** Clicks the middle of a drawn row (a text cell, not a row button). */
    private void clickRow(TableView<Object> table, int index) {
        fx(() -> {
            table.scrollTo(index);
            table.layout();
            return null;
        });
        TableRow<?> row = fx(() -> table.lookupAll(".table-row-cell").stream()
                .map(n -> (TableRow<?>) n)
                .filter(r -> r.getIndex() == index && !r.isEmpty() && reallyVisible(r))
                .findFirst().orElseThrow(() -> new AssertionError("row " + index + " is not drawn")));
        clickOn(fx(() -> row.lookupAll(".table-cell").stream()
                .filter(c -> c instanceof TableCell<?, ?> cell && cell.getTableColumn() == table.getColumns().get(1))
                .findFirst().orElseThrow()));
    }

    /**
     * Gives the dialog's window the keyboard (the headless toolkit does not focus a new window by
     * itself, a desktop does) by clicking a text of it that takes no focus.
     */
    private void focusDialogWindow(String paneId) {
        clickOn(fx(() -> node("#" + paneId, DialogPane.class).lookupAll(".label").stream()
                .filter(GuiTestBase::reallyVisible).findFirst().orElseThrow()));
    }

    /** The focus owner of the window keys go to: a showing dialog, else the main window. */
    private Optional<Node> focusOwner() {
        return fx(() -> {
            List<Window> showing = Window.getWindows().stream().filter(Window::isShowing).toList();
            Window top = showing.stream().filter(w -> w.getScene().getRoot() instanceof DialogPane)
                    .reduce((a, b) -> b).orElse(showing.isEmpty() ? null : showing.get(0));
            return top == null ? Optional.<Node>empty() : Optional.ofNullable(top.getScene().getFocusOwner());
        });
    }

    private Object selected(TableView<Object> table) {
        return fx(() -> table.getSelectionModel().getSelectedItem());
    }

    private boolean sessionActive(Device device) {
        return server.sessionsOf(device.username()).stream().anyMatch(s -> s.id().equals(device.sessionId()));
    }

    // --- items 1 and 5: Delete + Enter logs out no one; the selection moves to the next row ---

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

    private static String idOf(Object row) {
        return row == null ? null : ((SessionRow) row).id();
    }

    private List<String> ids(TableView<Object> table) {
        return fx(() -> table.getItems().stream().map(OfficeDefectsGuiTest::idOf).toList());
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

    // --- item 2 and 8: row buttons never hold the focus; Tab leaves the table in one step ---

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

    // --- item 3: a retry of a session that had already ended says so, by whom and when ---

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

    // --- item 4: at the top, new sessions come into view ---

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

    private TableRow<?> drawnRow(TableView<Object> table, int index) {
        return fx(() -> {
            table.layout();
            return table.lookupAll(".table-row-cell").stream().map(n -> (TableRow<?>) n)
                    .filter(r -> r.getIndex() == index && !r.isEmpty() && reallyVisible(r)
                            && r.localToScene(r.getBoundsInLocal()).getMinY()
                            >= table.lookup(".column-header-background").localToScene(
                                    table.lookup(".column-header-background").getBoundsInLocal()).getMaxY() - 1)
                    .findFirst().orElse(null);
        });
    }

    // --- item 8: shortcuts, Sign out asks, the selected row stands out ---

    @Test
    void ctrlDigitsSwitchViewsSignOutAsksFirstAndTheSelectedRowStandsOut() throws Exception {
        openSignedIn();
        TableView<Object> table = sessions();
        clickRow(table, 0);
        Color selectedColor = rowColor(table, 0);
        Color stripe = rowColor(table, 1);
        assertThat(distance(selectedColor, stripe)).as("selected %s vs stripe %s", selectedColor, stripe)
                .isGreaterThan(0.15);

        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        waitUntil("Ctrl+2: User Accounts", () -> showing("#usersTable"));
        push(KeyCode.CONTROL, KeyCode.DIGIT3);
        waitUntil("Ctrl+3: History", () -> showing("#auditTable"));
        push(KeyCode.CONTROL, KeyCode.DIGIT1);
        waitUntil("Ctrl+1: Active Sessions", () -> showing("#sessionsTable"));

        click("#signOutButton");
        waitUntil("Sign out asks first", () -> showing("#confirmDialog"));
        waitUntil("Cancel has the focus", () -> focusOwner().map(n -> n instanceof Button b && "Cancel".equals(b.getText())).orElse(false));
        focusDialogWindow("confirmDialog");
        push(KeyCode.SPACE); // Cancel has the focus
        waitUntil("the question closes", () -> !showing("#confirmDialog"));
        assertThat(showing("#sessionsTable")).as("still signed in").isTrue();
    }

    /** The color a row's background shows in its middle (its fills composed). */
    private Color rowColor(TableView<Object> table, int index) {
        return fx(() -> {
            TableRow<?> row = drawnRow(table, index);
            Color color = Color.WHITE;
            for (BackgroundFill fill : row.getBackground().getFills()) {
                if (fill.getFill() instanceof Color c && fill.getInsets().getLeft() < row.getWidth() / 2) {
                    double a = c.getOpacity();
                    color = new Color(c.getRed() * a + color.getRed() * (1 - a), c.getGreen() * a + color.getGreen() * (1 - a),
                            c.getBlue() * a + color.getBlue() * (1 - a), 1);
                }
            }
            return color;
        });
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }

    // --- item 9: a wrong password leaves the cursor in the emptied password field ---

    @Test
    void aWrongPasswordPutsTheCursorInTheEmptiedPasswordField() throws Exception {
        launch(optionsFor(server.baseUrl()));
        typeCredentials(server.baseUrl(), LiveServer.ADMIN, "not-the-password");
        waitUntil("the refusal shows", () -> textsUnder(mainWindow().orElseThrow().getScene().getRoot())
                .contains("Wrong username or password"));
        waitUntil("the fields are enabled again", () -> !fx(() -> node("#passwordField", PasswordField.class).isDisabled()));
        assertThat(fx(() -> node("#passwordField", PasswordField.class).getText())).isEmpty();
        waitUntil("the cursor is in the password field", () -> focusOwner()
                .map(n -> "passwordField".equals(n.getId())).orElse(false));

        write("typed-again", 0);
        assertThat(fx(() -> node("#serverUrlField", TextInputControl.class).getText())).isEqualTo(server.baseUrl());
        assertThat(fx(() -> node("#passwordField", PasswordField.class).getText())).isEqualTo("typed-again");
    }

    // --- item 10: the dialog grows with its content ---

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

    /** The texts of labels and buttons under root that show less than their text (an ellipsis). */
    static List<String> cutTexts(Node root) {
        return fx(() -> {
            root.applyCss();
            List<String> cut = new ArrayList<>();
            collectCut(root, cut);
            return cut;
        });
    }

    private static void collectCut(Node node, List<String> cut) {
        if (node instanceof Labeled l && reallyVisible(l) && Cells.isCut(l)) {
            cut.add(l.getText());
        }
        if (node instanceof javafx.scene.Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> collectCut(child, cut));
        }
    }

    static boolean buttonsInside(DialogPane dialog) {
        return fx(() -> dialog.lookupAll(".button").stream().filter(GuiTestBase::reallyVisible).allMatch(b -> {
            var bounds = b.localToScene(b.getBoundsInLocal());
            return bounds.getMaxY() <= dialog.getScene().getHeight() + 0.5 && bounds.getMaxX() <= dialog.getScene().getWidth() + 0.5;
        }));
    }

    // --- item 11: small windows keep the time of day, navigation fits, cut cells have tooltips ---

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

    // --- item 14: sorting, History by name with an empty-result message, Block for any user ---

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
}

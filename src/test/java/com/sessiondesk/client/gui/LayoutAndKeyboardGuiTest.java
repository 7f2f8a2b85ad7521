package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.client.common.Cells;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.PopupWindow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;

/**
 * The window at small and large widths (nothing outside it, nothing cut that is a fact), the
 * keyboard (filters open from it, arrow keys select, shortcuts say why they cannot act) and the
 * focus ring (drawn without moving anything), against the real in-process server.
 */
class LayoutAndKeyboardGuiTest extends SharedServerGuiTest {

    private Scene resize(double width, double height) {
        Stage stage = (Stage) mainWindow().orElseThrow();
        fx(() -> {
            stage.setWidth(width);
            stage.setHeight(height);
            return null;
        });
        waitUntil("the window is " + width + " wide", () -> fx(() -> Math.abs(stage.getScene().getWidth() - width) < 40));
        fx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            return null;
        });
        return stage.getScene();
    }

    /** Whether the node lies wholly inside the scene (the window's inside). */
    private static boolean inside(Node node, Scene scene) {
        Bounds b = node.localToScene(node.getBoundsInLocal());
        return b.getMinX() >= -0.5 && b.getMaxX() <= scene.getWidth() + 0.5 && b.getMaxY() <= scene.getHeight() + 0.5;
    }

    @Test
    void atTheMinimumWidthSearchSignOutChangePasswordAndLogOutIconsAreWhollyInside() throws Exception {
        openSignedIn();
        Scene scene = resize(900, 700);
        waitUntil("everything is inside at 900 px", () -> fx(() -> {
            List<String> outside = new ArrayList<>();
            for (String id : List.of("#searchField", "#applicationFilter", "#signOutButton", "#changePasswordButton",
                    "#refreshButton", "#exportButton", "#logoutSelectedButton", "#endOldVersionsButton")) {
                if (!inside(scene.lookup(id), scene)) {
                    outside.add(id);
                }
            }
            scene.getRoot().lookupAll(".logout-button").stream().filter(GuiTestBase::reallyVisible)
                    .filter(b -> !inside(b, scene)).forEach(b -> outside.add("a row's log-out icon"));
            return outside.isEmpty();
        }));
        assertThat(fx(() -> scene.getRoot().lookupAll(".logout-button").stream().anyMatch(GuiTestBase::reallyVisible)))
                .as("log-out icons are shown").isTrue();

        Scene at1024 = resize(1024, 768);
        waitUntil("the search field keeps a usable width at 1024 px",
                () -> fx(() -> at1024.lookup("#searchField").getBoundsInLocal().getWidth() >= 180));
    }

    /** (The headless screen of the tests is 1280 px wide: the 1920 px header was checked on screenshots.) */
    @Test
    void theHeaderShowsTheAdminsNameAndHasTheServerInItsTooltip() throws Exception {
        openSignedIn();
        Label admin = node("#adminLabel", Label.class);
        waitUntil("the admin's name in the header", () -> fx(() -> admin.getText().contains("(" + LiveServer.ADMIN + ")")));
        String shown = fx(admin::getText);
        assertThat(fx(() -> admin.getTooltip().getText())).as("name and server, one hover away")
                .startsWith(shown).isNotEqualTo(shown);
    }

    @Test
    void theApplicationFilterOpensWithSpaceAndAltDown() throws Exception {
        openSignedIn();
        fx(() -> {
            node("#applicationFilter", Node.class).requestFocus();
            return null;
        });
        type(KeyCode.SPACE);
        waitUntil("Space opens the list", LayoutAndKeyboardGuiTest::listOpen);
        type(KeyCode.ESCAPE);
        waitUntil("Esc closes it", () -> !listOpen());
        fx(() -> {
            node("#applicationFilter", Node.class).requestFocus();
            return null;
        });
        press(KeyCode.ALT).type(KeyCode.DOWN).release(KeyCode.ALT);
        waitUntil("Alt+Down opens the list", LayoutAndKeyboardGuiTest::listOpen);
        type(KeyCode.ESCAPE);
    }

    private static boolean listOpen() {
        return fx(() -> Window.getWindows().stream().anyMatch(w -> w instanceof PopupWindow && w.isShowing()
                && w.getScene().getRoot().lookup(".list-view") != null));
    }

    @Test
    void inUserAccountsDownSelectsTheRowAndCtrlUSaysWhyItCannotUnblockIt() throws Exception {
        openSignedIn();
        click("#usersTab");
        TableView<Object> users = table("#usersTable");
        waitUntil("the users are loaded", () -> rowCount(users) > 2);
        fx(() -> {
            users.getSelectionModel().clearSelection();
            users.requestFocus();
            return null;
        });
        type(KeyCode.DOWN);
        waitUntil("Down selected a row", () -> fx(() -> users.getSelectionModel().getSelectedIndex() >= 0));
        Object selected = fx(() -> users.getSelectionModel().getSelectedItem());
        assertThat(selected).isInstanceOf(com.sessiondesk.api.User.class);
        com.sessiondesk.api.User user = (com.sessiondesk.api.User) selected;
        assertThat(user.blocked()).as("the demo's first rows are active accounts").isFalse();
        press(KeyCode.CONTROL).type(KeyCode.U).release(KeyCode.CONTROL);
        waitUntil("Ctrl+U says why nothing happens", () -> notification().contains(user.username() + " is not blocked"));
    }

    @Test
    void theBlockIconsStandInOneColumnWhetherOrNotTheRowCanBeLoggedOut() throws Exception {
        com.sessiondesk.api.User idle = server.freshStaff();
        server.sessionsOf(idle.username()).forEach(s -> server.logOut(s.id()));
        com.sessiondesk.api.User busy = server.freshStaff();
        server.login(busy.username(), "Billiyo Care");
        openSignedIn();
        click("#usersTab");
        TableView<Object> users = table("#usersTable");
        waitUntil("the users are loaded", () -> rowCount(users) > 2);
        Set<Long> columns = new TreeSet<>();
        for (var user : List.of(idle, busy)) {
            typeInto("#usersSearchField", user.username());
            waitUntil(user.username() + "'s row alone", () -> rowCount(users) == 1 && rowContaining(users, user.username()) == 0);
            Button block = buttonInRow(users, 0, "block-button");
            boolean canLogOut = fx(() -> ancestor(block, TableRow.class).lookupAll(".user-logout-button").stream()
                    .anyMatch(GuiTestBase::reallyVisible));
            assertThat(canLogOut).as(user.username() + " has a session to log out").isEqualTo(user == busy);
            columns.add(fx(() -> Math.round(block.localToScene(block.getBoundsInLocal()).getMinX())));
        }
        assertThat(columns).as("the x of the block icon with and without a Log out icon before it").hasSize(1);
    }

    /**
     * Around the width where the header gives up its names for icons (up to the headless screen's 1280 px), the window's
     * content (header and view) is never wider than the window: else it is centred on it, its edges
     * outside, and a focus ring moves every control by a pixel.
     */
    @Test
    void atEveryWidthTheWindowsContentFitsTheWindow() throws Exception {
        openSignedIn();
        for (double width : new double[] {900, 1200, 1240, 1280}) {
            Scene scene = resize(width, 700);
            Node window = scene.lookup(".main-window");
            waitUntil("the content fits the window at " + width + " px", () -> fx(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                Bounds b = window.localToScene(window.getLayoutBounds());
                return b.getMinX() == 0 && b.getWidth() <= scene.getWidth();
            }));
            for (String id : List.of("#signOutButton", "#changePasswordButton", "#alertsTab")) {
                assertThat(fx(() -> inside(scene.lookup(id), scene))).as(id + " at " + width + " px").isTrue();
            }
        }
    }

    @Test
    void takingTheFocusMovesNothing() throws Exception {
        openSignedIn();
        for (double width : new double[] {900, 1280}) {
            resize(width, 700);
            focusMovesNothing();
        }
    }

    private void focusMovesNothing() {
        for (String id : List.of("#refreshButton", "#exportButton", "#changePasswordButton")) {
            Button button = node(id, Button.class);
            fx(() -> {
                node("#searchField", Node.class).requestFocus();
                button.getScene().getRoot().layout();
                return null;
            });
            Bounds before = fx(() -> button.getGraphic().localToScene(button.getGraphic().getBoundsInLocal()));
            double width = fx(() -> button.getWidth());
            fx(() -> {
                button.requestFocus();
                button.getScene().getRoot().applyCss();
                button.getScene().getRoot().layout();
                return null;
            });
            assertThat(fx(button::isFocused)).isTrue();
            assertThat(fx(() -> button.getGraphic().localToScene(button.getGraphic().getBoundsInLocal())))
                    .as(id + "'s icon stays where it was").isEqualTo(before);
            assertThat(fx(() -> button.getWidth())).as(id + "'s width").isEqualTo(width);
            assertThat(fx(() -> button.getBorder() != null && !button.getBorder().getStrokes().isEmpty()))
                    .as(id + " shows a focus ring").isTrue();
        }
    }

    @Test
    void theShortcutListNamesCtrlAAndCutsNothing() throws Exception {
        openSignedIn();
        resize(1280, 800);
        type(KeyCode.F1);
        waitUntil("the list opens", () -> showing("#shortcutsDialog"));
        DialogPane list = node("#shortcutsDialog", DialogPane.class);
        assertThat(textsUnder(list)).contains("Ctrl+A");
        assertThat(cutTexts(list)).isEmpty();
        assertThat(buttonsInside(list)).isTrue();
        type(KeyCode.ESCAPE);
    }
}

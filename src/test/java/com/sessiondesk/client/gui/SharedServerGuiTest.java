package com.sessiondesk.client.gui;

import com.sessiondesk.api.User;
import com.sessiondesk.apitest.TestServers;
import com.sessiondesk.client.gui.LiveServer.Device;
import com.sessiondesk.client.sessions.SessionRow;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GUI tests that share one real session service per class and open the window signed in to it. */
abstract class SharedServerGuiTest extends GuiTestBase {

    @RegisterExtension
    static final TestServers.Running<LiveServer> SERVER = LiveServer.running();
    static LiveServer server;

    @BeforeAll
    static void startServer() {
        server = SERVER.get();
    }

    void openSignedIn() throws Exception {
        launch(optionsFor(server.baseUrl()));
        signIn(server);
        waitUntil("the sessions are loaded", () -> rowCount(sessions()) > 0);
    }

    TableView<Object> sessions() {
        return table("#sessionsTable");
    }

    /** Searches the device's unique model and opens the dialog from its row's log-out button. */
    DialogPane openLogoutDialog(Device device) {
        typeInto("#searchField", device.deviceModel());
        waitUntil("the device's row is the only one", () -> rowCount(sessions()) == 1
                && rowContaining(sessions(), device.deviceModel()) == 0);
        clickOn(buttonInRow(sessions(), 0, "logout-button"));
        waitUntil("the Logout User Account dialog opens", () -> showing("#logoutDialog"));
        return node("#logoutDialog", DialogPane.class);
    }

    void confirmLogout(DialogPane dialog, String reason) {
        if (reason != null) {
            typeInto("#reasonField", reason);
        }
        clickOn(node("#logoutConfirmButton", Button.class));
        waitUntil("the dialog closes after the log out", () -> !showing("#logoutDialog"));
    }

    /** The OK button of the confirmation Alert that is showing (a dialog other than the main window). */
    Button confirmationOkButton() {
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

    /** Clicks the middle of a drawn row (a text cell, not a row button). */
    void clickRow(TableView<Object> table, int index) {
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
    void focusDialogWindow(String paneId) {
        clickOn(fx(() -> node("#" + paneId, DialogPane.class).lookupAll(".label").stream()
                .filter(GuiTestBase::reallyVisible).findFirst().orElseThrow()));
    }

    /** The focus owner of the window keys go to: a showing dialog, else the main window. */
    Optional<Node> focusOwner() {
        return fx(() -> {
            List<Window> showing = Window.getWindows().stream().filter(Window::isShowing).toList();
            Window top = showing.stream().filter(w -> w.getScene().getRoot() instanceof DialogPane)
                    .reduce((a, b) -> b).orElse(showing.isEmpty() ? null : showing.get(0));
            return top == null ? Optional.<Node>empty() : Optional.ofNullable(top.getScene().getFocusOwner());
        });
    }

    Object selected(TableView<Object> table) {
        return fx(() -> table.getSelectionModel().getSelectedItem());
    }

    boolean sessionActive(Device device) {
        return server.sessionsOf(device.username()).stream().anyMatch(s -> s.id().equals(device.sessionId()));
    }

    static String idOf(Object row) {
        return row == null ? null : ((SessionRow) row).id();
    }

    TableRow<?> drawnRow(TableView<Object> table, int index) {
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
}

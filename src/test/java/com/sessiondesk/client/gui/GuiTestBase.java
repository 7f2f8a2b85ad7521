package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.client.SessionDeskApp;
import com.sessiondesk.client.common.Cells;
import com.sessiondesk.client.common.FileChoice;
import com.sessiondesk.client.shell.ClientOptions;
import com.sessiondesk.common.AppDirs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real SessionDesk window (headless Monocle under surefire): launches it, signs in by
 * typing, and reads tables and messages on the FX thread. Every wait is bounded by time.
 */
abstract class GuiTestBase extends FxRobot {

    /** Long enough for a slow shared machine, short enough that a hang fails the test quickly. */
    static final long WAIT_SECONDS = 20;

    protected Application app;

    /**
     * The client's data directory for the test class (remembered URL and username, the embedded
     * database): a temporary folder, never the real one.
     */
    @TempDir
    static Path home;

    @BeforeAll
    static void useTemporaryHome() {
        useHome(home);
    }

    @AfterAll
    static void clearTemporaryHome() {
        clearHome();
    }

    /** Points the client's data directory (remembered URL, username; the embedded database) at dir. */
    static void useHome(Path dir) {
        System.setProperty(AppDirs.HOME_PROPERTY, dir.toString());
    }

    static void clearHome() {
        System.clearProperty(AppDirs.HOME_PROPERTY);
    }

    /** Options to connect to a server; null means the embedded default. Extra arguments are appended. */
    static ClientOptions optionsFor(String serverUrl, String... extra) {
        List<String> args = new ArrayList<>();
        if (serverUrl != null) {
            args.addAll(List.of("--server", serverUrl));
        }
        // No automatic refresh unless the test asks for one: each test decides when the window reloads.
        if (!List.of(extra).contains("--refresh")) {
            args.addAll(List.of("--refresh", "0"));
        }
        args.addAll(List.of(extra));
        return ClientOptions.parse(args);
    }

    protected void launch(ClientOptions options) throws TimeoutException {
        launch(options, FileChoice.fileChooser(), java.time.Clock.systemDefaultZone());
    }

    /**
     * @param fileChoice answers the export's "save as" (a test gives its file)
     * @param clock the client's now (moved with the server's to let a block lapse)
     */
    protected void launch(ClientOptions options, FileChoice fileChoice, java.time.Clock clock) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        // The tests hide and re-show windows between apps: the toolkit must outlive them.
        Platform.setImplicitExit(false);
        app = FxToolkit.setupApplication(() -> new SessionDeskApp(options, fileChoice, clock));
        waitUntil("the main window shows", () -> mainWindow().isPresent());
    }

    @AfterEach
    void closeApp() throws TimeoutException {
        if (app != null) {
            FxToolkit.cleanupAfterTest(this, app);
            app = null;
        }
    }

    /** Signs in through the connect screen, typing like a user. */
    protected void typeCredentials(String url, String username, String password) {
        waitUntil("the connect screen shows", () -> showing("#serverUrlField"));
        typeInto("#serverUrlField", url);
        typeInto("#usernameField", username);
        typeInto("#passwordField", password);
        click("#signInButton");
    }

    /**
     * Signs in as the server's admin. The connect screen opens with the server of the options
     * filled in; only a different URL is typed (typing is slow on a loaded machine).
     */
    protected void signIn(LiveServer server) {
        waitUntil("the connect screen shows", () -> showing("#serverUrlField"));
        if (!server.baseUrl().equals(fx(() -> node("#serverUrlField", TextInputControl.class).getText()))) {
            typeInto("#serverUrlField", server.baseUrl());
        }
        typeInto("#usernameField", LiveServer.ADMIN);
        typeInto("#passwordField", server.adminPassword);
        click("#signInButton");
        waitUntil("the sessions table shows after sign-in", () -> showing("#sessionsTable"));
    }

    /** Replaces the text of a field by typing (select all, then type). */
    protected void typeInto(String query, String text) {
        TextInputControl field = node(query, TextInputControl.class);
        clickOn(field);
        fx(() -> {
            field.selectAll();
            return null;
        });
        if (text.isEmpty()) {
            fx(() -> {
                field.clear();
                return null;
            });
        } else {
            write(text, 0);
        }
        waitUntil(query + " holds the typed text", () -> text.equals(field.getText()));
    }

    // --- lookups ---

    /** The text of the last notification (client/shell/MainController#notify), or "" before any. */
    protected String notification() {
        return fx(() -> lookup("#notificationPane").tryQueryAs(org.controlsfx.control.NotificationPane.class)
                .map(pane -> pane.getText() == null ? "" : pane.getText()).orElse(""));
    }

    /**
     * The node for a query: the one really visible when several match (each tab has its own
     * #errorBanner and #loadingIndicator; the unselected tabs' stay in the scene, hidden).
     */
    protected <T extends Node> T node(String query, Class<T> type) {
        return fx(() -> {
            Set<Node> all = lookup(query).queryAll();
            Node chosen = all.stream().filter(GuiTestBase::reallyVisible).findFirst()
                    .orElseGet(() -> all.stream().findFirst()
                            .orElseThrow(() -> new AssertionError("no node matches " + query)));
            return type.cast(chosen);
        });
    }

    protected boolean showing(String query) {
        return fx(() -> lookup(query).queryAll().stream().anyMatch(GuiTestBase::reallyVisible));
    }

    /** Clicks the visible node of a query. */
    protected void click(String query) {
        clickOn(node(query, Node.class));
    }

    /** Visible, in a showing window, and every ancestor visible (a node of an unselected tab is not). */
    static boolean reallyVisible(Node node) {
        if (node.getScene() == null || node.getScene().getWindow() == null || !node.getScene().getWindow().isShowing()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    protected Optional<Window> mainWindow() {
        return fx(() -> Window.getWindows().stream()
                .filter(Window::isShowing)
                .filter(w -> w instanceof javafx.stage.Stage s && s.getTitle() != null && s.getTitle().contains("SessionDesk"))
                .findFirst());
    }

    @SuppressWarnings("unchecked")
    protected TableView<Object> table(String query) {
        return node(query, TableView.class);
    }

    /**
     * The texts of one column (by header) as drawn in the rows on screen, top to bottom (cells
     * render their row, so the drawn text is what the user reads).
     */
    protected List<String> columnTexts(TableView<Object> table, String header) {
        return fx(() -> {
            table.layout();
            TableColumn<Object, ?> column = table.getVisibleLeafColumns().stream()
                    .filter(c -> header.equals(c.getText()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no column " + header));
            return table.lookupAll(".table-cell").stream()
                    .filter(n -> n instanceof TableCell<?, ?> c && c.getTableColumn() == column && !c.isEmpty()
                            && c.getIndex() >= 0 && c.getIndex() < table.getItems().size() && reallyVisible(c))
                    .map(n -> (TableCell<?, ?>) n)
                    .sorted(java.util.Comparator.comparingInt(TableCell::getIndex))
                    .map(c -> c.getText() != null ? c.getText() : "")
                    .collect(Collectors.toList());
        });
    }

    /** Index of the first row where some column's value contains every one of the texts, or -1. */
    protected int rowContaining(TableView<Object> table, String... texts) {
        return fx(() -> {
            for (int i = 0; i < table.getItems().size(); i++) {
                StringBuilder row = new StringBuilder();
                for (TableColumn<Object, ?> column : table.getVisibleLeafColumns()) {
                    row.append(column.getCellData(i)).append('\u0001');
                }
                row.append(table.getItems().get(i));
                String all = row.toString();
                boolean match = true;
                for (String text : texts) {
                    match &= all.contains(text);
                }
                if (match) {
                    return i;
                }
            }
            return -1;
        });
    }

    protected int rowCount(TableView<Object> table) {
        return fx(() -> table.getItems().size());
    }

    /** The button of the given style class drawn in a row, scrolling the row into view first. */
    protected Button buttonInRow(TableView<Object> table, int rowIndex, String styleClass) {
        fx(() -> {
            table.scrollTo(rowIndex);
            table.layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Button[] found = new Button[1];
        waitUntil(styleClass + " drawn in row " + rowIndex, () -> fx(() -> {
            Set<Node> buttons = table.lookupAll("." + styleClass);
            for (Node b : buttons) {
                TableRow<?> row = ancestor(b, TableRow.class);
                if (b instanceof Button button && row != null && !row.isEmpty()
                        && row.getIndex() == rowIndex && reallyVisible(b)) {
                    found[0] = button;
                    return true;
                }
            }
            return false;
        }));
        return found[0];
    }

    static <T> T ancestor(Node node, Class<T> type) {
        for (Parent p = node.getParent(); p != null; p = p.getParent()) {
            if (type.isInstance(p)) {
                return type.cast(p);
            }
        }
        return null;
    }

    /** The button with this text in a dialog pane. */
    protected Button dialogButton(DialogPane pane, String text) {
        return fx(() -> pane.lookupAll(".button").stream()
                .filter(n -> n instanceof Button b && text.equals(b.getText()))
                .map(Button.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no button \"" + text + "\" in the dialog")));
    }

    /** Every text drawn under a node (labels, buttons, text nodes), for checking messages. */
    protected String textsUnder(Node root) {
        return fx(() -> {
            List<String> texts = new ArrayList<>();
            collectTexts(root, texts);
            return texts.stream().filter(t -> t != null && !t.isBlank()).collect(Collectors.joining(" | "));
        });
    }

    private static void collectTexts(Node node, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l) {
            out.add(l.getText());
        } else if (node instanceof Text t) {
            out.add(t.getText());
        } else if (node instanceof TextInputControl t) {
            out.add(t.getText());
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collectTexts(child, out);
            }
        }
    }

    /** The tooltip installed on a node (a control's own, or one installed with {@code Tooltip.install}), or null. */
    protected static Tooltip tooltipOf(Node node) {
        Object tooltip = node.getProperties().get("javafx.scene.control.Tooltip");
        return tooltip instanceof Tooltip t ? t : null;
    }

    // --- threads and waits ---

    /** Runs on the FX thread and returns the result (reading controls from another thread races). */
    protected static <T> T fx(Callable<T> work) {
        if (Platform.isFxApplicationThread()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        try {
            return WaitForAsyncUtils.asyncFx(work).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            throw new AssertionError(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the FX thread did not answer within " + WAIT_SECONDS + " s (frozen?)", e);
        }
    }

    protected static void waitUntil(String what, Callable<Boolean> condition) {
        waitUntil(what, WAIT_SECONDS, condition);
    }

    protected static void waitUntil(String what, long seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting until " + what);
        }
    }

    /**
     * The FX thread answers a trivial request within this many milliseconds: the window is not
     * frozen. A window blocked on a request stays blocked for the whole request, so three tries in
     * a row all time out; one slow answer on a loaded machine does not fail the test.
     */
    protected static void assertResponsiveWithin(long millis) {
        List<String> tries = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            long start = System.nanoTime();
            try {
                WaitForAsyncUtils.asyncFx(() -> true).get(millis, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                tries.add("no answer after " + (System.nanoTime() - start) / 1_000_000 + " ms");
            } catch (InterruptedException | ExecutionException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the FX thread did not answer within " + millis + " ms, three times: " + tries);
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

    static void collectCut(Node node, List<String> cut) {
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

    /** The integer right before a word in a label such as "312 sessions · 198 users". */
    static long numberBefore(String text, String word) {
        Matcher m = Pattern.compile("(\\d[\\d,.\u00a0\u202f]*)\\s*" + word).matcher(text);
        assertThat(m.find()).as("\"%s\" has a count of %s", text, word).isTrue();
        return Long.parseLong(m.group(1).replaceAll("[^\\d]", ""));
    }
}

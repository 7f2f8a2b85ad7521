package com.sessiondesk.client.bench;

import com.sessiondesk.common.AppDirs;
import com.sessiondesk.client.shell.ClientOptions;
import com.sessiondesk.client.SessionDeskApp;
import com.sessiondesk.client.common.ClientSettings;
import com.sessiondesk.client.sessions.SessionRow;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Takes the screenshots of the README and docs/user-guide.md, and the look at every width, theme,
 * language and text size: runs the client on the built-in demo service under a virtual display
 * and captures each view and dialog with ImageMagick's {@code import}. Not a test.
 * <pre>
 * xvfb-run -a -s "-screen 0 1920x1080x24" java -Dsessiondesk.home=$(mktemp -d) \
 *     -cp target/classes:target/test-classes:CLASSPATH com.sessiondesk.client.bench.ScreenshotTour OUT [WIDTH] [dark] [es] [150]
 * </pre>
 * Without the optional arguments: 1280x800, light, English, 100 % text, files named {@code NAME.png}
 * (the docs' screenshots); with only {@code dark}: {@code NAME-dark.png}. Any other choice names
 * them {@code NAME-WIDTH-THEME-LANGUAGE-TEXT.png} and adds the dialogs and filters the docs do
 * not show (bulk log out, change password, shortcuts, the text size menu, History's Security filter).
 * CLASSPATH: {@code mvn -o -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout}.
 */
public final class ScreenshotTour {

    private static Path out;
    private static String suffix = "";
    private static Scene scene;
    private static int width = 1280;
    private static int height = 800;
    /** More than the docs' shots: every dialog and filter, for the look at one width, theme, language, text size. */
    private static boolean full;

    public static void main(String[] args) throws Exception {
        out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        Files.createDirectories(out);
        String theme = "light";
        String language = "en";
        int text = 100;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("dark") || arg.equals("light")) {
                theme = arg;
            } else if (arg.equals("en") || arg.equals("es")) {
                language = arg;
            } else if (Integer.parseInt(arg.replace("%", "")) <= 200) {
                text = Integer.parseInt(arg.replace("%", ""));
            } else {
                width = Integer.parseInt(arg);
            }
        }
        height = width >= 1900 ? 1040 : width >= 1280 ? 800 : width >= 1024 ? 768 : 700;
        full = width != 1280 || !language.equals("en") || text != 100;
        suffix = full ? "-" + width + "-" + theme + "-" + language + "-" + text : theme.equals("dark") ? "-dark" : "";
        ClientSettings settings = new ClientSettings(AppDirs.dataDir());
        settings.savePreference(ClientSettings.THEME, theme);
        settings.savePreference(ClientSettings.LANGUAGE, language);
        settings.savePreference(ClientSettings.TEXT_SIZE, Integer.toString(text));
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        onFx(() -> {
            Stage stage = new Stage();
            stage.setX(0);
            stage.setY(0);
            new SessionDeskApp(ClientOptions.defaults().withEmbedded(true)).start(stage);
            stage.setX(0); // the app centres its window; the shots crop the top left WIDTHxHEIGHT
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            scene = stage.getScene();
            return null;
        });
        TableView<SessionRow> table = waitFor(() -> {
            @SuppressWarnings("unchecked")
            TableView<SessionRow> t = (TableView<SessionRow>) scene.lookup("#sessionsTable");
            return t == null || t.getItems().isEmpty() ? null : t; // the views come after the first frame
        });
        Thread.sleep(1500);
        shot("sessions");
        if (full) {
            fullTourOfSessions(table);
        }

        // The dialog for a user with an old-app-version session and unsynced work, Block checked.
        SessionRow row = onFx(() -> pickInterestingRow(table));
        onFx(() -> {
            table.scrollTo(row);
            table.getSelectionModel().select(row);
            return null;
        });
        Thread.sleep(500);
        Platform.runLater(() -> clickLogoutOf(row));
        DialogPane dialog = waitFor(ScreenshotTour::openDialog);
        onFx(() -> {
            ((CheckBox) dialog.lookup("#blockUserCheckBox")).setSelected(true);
            ((TextField) dialog.lookup("#reasonField")).setText("Phone reported lost");
            return null;
        });
        Thread.sleep(800);
        shot("logout-dialog");
        onFx(() -> {
            ((Button) dialog.lookupButton(dialog.getButtonTypes().stream()
                    .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).findFirst().orElseThrow())).fire();
            return null;
        });
        waitFor(() -> openDialog() == null ? Boolean.TRUE : null);
        Thread.sleep(1200);
        shot("sessions-after-logout");

        onFx(() -> click("#usersTab"));
        waitFor(() -> {
            TableView<?> users = (TableView<?>) scene.lookup("#usersTable");
            return users != null && !users.getItems().isEmpty() ? users : null;
        });
        onFx(() -> {
            ((CheckBox) scene.lookup("#blockedOnlyCheckBox")).setSelected(true);
            return null;
        });
        Thread.sleep(1200);
        shot("users");

        onFx(() -> click("#historyTab"));
        waitFor(() -> {
            TableView<?> audit = (TableView<?>) scene.lookup("#auditTable");
            return audit != null && !audit.getItems().isEmpty() ? audit : null;
        });
        Thread.sleep(1200);
        shot("history");
        if (full) {
            onFx(() -> {
                ((CheckBox) scene.lookup("#securityOnlyCheckBox")).setSelected(true);
                return null;
            });
            Thread.sleep(1500);
            shot("history-security");
            onFx(() -> {
                ((CheckBox) scene.lookup("#securityOnlyCheckBox")).setSelected(false);
                return null;
            });
            Platform.runLater(() -> click("#changePasswordButton"));
            DialogPane password = waitFor(() -> dialog("changePasswordDialog"));
            Thread.sleep(800);
            shot("change-password");
            closeDialog(password);
            Platform.runLater(() -> click("#keysButton"));
            DialogPane keys = waitFor(() -> dialog("shortcutsDialog"));
            Thread.sleep(800);
            shot("shortcuts");
            closeDialog(keys);
            onFx(() -> {
                ((javafx.scene.control.MenuButton) scene.lookup("#textSizeMenu")).show();
                return null;
            });
            Thread.sleep(800);
            shot("text-size-menu");
            onFx(() -> {
                ((javafx.scene.control.MenuButton) scene.lookup("#textSizeMenu")).hide();
                return null;
            });
        }

        Platform.runLater(() -> click("#signOutButton")); // asks first: the question waits for its answer
        Button confirmSignOut = waitFor(() -> {
            for (Window window : Window.getWindows()) {
                if (window.isShowing() && window.getScene().getRoot() instanceof DialogPane pane
                        && "confirmDialog".equals(pane.getId())) {
                    return (Button) pane.lookup("#confirmButton");
                }
            }
            return null;
        });
        onFx(() -> {
            confirmSignOut.fire();
            return null;
        });
        waitFor(() -> scene.lookup("#serverUrlField"));
        onFx(() -> {
            ((TextField) scene.lookup("#serverUrlField")).setText("https://sessions.example-agency.org");
            ((TextField) scene.lookup("#usernameField")).setText("carla.admin");
            return null;
        });
        Thread.sleep(1000);
        shot("connect");

        // A real sign-in to a second server, which then goes away: the banner and stale marker.
        Path db = Files.createTempDirectory("tour-db").resolve("tour.db");
        SessionServer other = SessionServer.start(ServerConfig.defaults().withPort(0).withDemo(true)
                .withJdbcUrl("jdbc:sqlite:" + db).withInitialAdminPassword("tour-password-1"));
        onFx(() -> {
            ((TextField) scene.lookup("#serverUrlField")).setText(other.baseUrl());
            ((TextField) scene.lookup("#usernameField")).setText("admin");
            ((TextField) scene.lookup("#passwordField")).setText("tour-password-1");
            return click("#signInButton");
        });
        waitFor(() -> {
            Node node = scene.lookup("#sessionsTable");
            return node instanceof TableView<?> t && !t.getItems().isEmpty() ? t : null;
        });
        other.close();
        onFx(() -> click("#refreshButton"));
        waitFor(() -> scene.lookup("#errorBanner").isVisible() ? Boolean.TRUE : null);
        Thread.sleep(1000);
        shot("server-unreachable");
        Platform.exit();
        System.exit(0);
    }

    /** The dialogs and states of Active Sessions the docs do not show: the bulk log out. */
    private static void fullTourOfSessions(TableView<SessionRow> table) throws Exception {
        onFx(() -> {
            table.getSelectionModel().selectRange(0, Math.min(3, table.getItems().size()));
            table.requestFocus();
            return null;
        });
        Thread.sleep(500);
        shot("sessions-selected");
        Platform.runLater(() -> click("#logoutSelectedButton"));
        DialogPane bulk = waitFor(() -> dialogWith("#bulkLogoutConfirmButton"));
        Thread.sleep(800);
        shot("bulk-logout-dialog");
        closeDialog(bulk);
        onFx(() -> {
            table.getSelectionModel().clearSelection();
            return null;
        });
    }

    private static DialogPane dialog(String id) {
        for (Window window : Window.getWindows()) {
            if (window.isShowing() && window.getScene() != null && window.getScene().getRoot() instanceof DialogPane pane
                    && id.equals(pane.getId())) {
                return pane;
            }
        }
        return null;
    }

    private static DialogPane dialogWith(String nodeId) {
        for (Window window : Window.getWindows()) {
            if (window.isShowing() && window.getScene() != null && window.getScene().getRoot() instanceof DialogPane pane
                    && pane.lookup(nodeId) != null) {
                return pane;
            }
        }
        return null;
    }

    private static void closeDialog(DialogPane pane) throws Exception {
        onFx(() -> {
            pane.getScene().getWindow().hide();
            return null;
        });
        Thread.sleep(300);
    }

    private static SessionRow pickInterestingRow(TableView<SessionRow> table) {
        Set<String> withOld = new java.util.HashSet<>();
        for (SessionRow r : table.getItems()) {
            if (r.session().superseded()) {
                withOld.add(r.username());
            }
        }
        return table.getItems().stream()
                .filter(r -> withOld.contains(r.username()) && !r.session().superseded() && r.session().pendingSyncItems() > 0)
                .findFirst()
                .orElseGet(() -> table.getItems().stream().filter(r -> withOld.contains(r.username()) && !r.session().superseded())
                        .findFirst().orElse(table.getItems().get(0)));
    }

    private static void clickLogoutOf(SessionRow row) {
        for (Node node : scene.getRoot().lookupAll(".logout-button")) {
            Button button = (Button) node;
            Node parent = button.getParent();
            while (parent != null && !(parent instanceof javafx.scene.control.TableCell<?, ?>)) {
                parent = parent.getParent();
            }
            if (button.isVisible() && parent instanceof javafx.scene.control.TableCell<?, ?> cell && cell.getItem() == row) {
                button.fire();
                return;
            }
        }
        throw new IllegalStateException("no logout button for " + row.id());
    }

    private static DialogPane openDialog() {
        for (Window window : Window.getWindows()) {
            if (window.getScene() != null && window.getScene().getRoot() instanceof DialogPane pane
                    && "logoutDialog".equals(pane.getId())) {
                return pane;
            }
        }
        return null;
    }

    private static Object click(String id) {
        ((javafx.scene.control.ButtonBase) scene.lookup(id)).fire();
        return null;
    }

    private static void shot(String name) throws Exception {
        Path file = out.resolve(name + suffix + ".png");
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", width + "x" + height + "+0+0", "+repage", file.toString())
                .inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("import failed for " + name);
        }
        System.out.println("saved " + file);
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(30, TimeUnit.SECONDS);
    }

    private static <T> T waitFor(Callable<T> probe) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            AtomicReference<T> seen = new AtomicReference<>(onFx(probe));
            if (seen.get() != null) {
                return seen.get();
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out");
    }
}

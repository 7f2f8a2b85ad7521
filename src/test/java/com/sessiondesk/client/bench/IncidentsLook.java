package com.sessiondesk.client.bench;

import com.sessiondesk.api.ApiClients;
import com.sessiondesk.api.DeviceBlockRequest;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.client.SessionDeskApp;
import com.sessiondesk.client.common.ClientSettings;
import com.sessiondesk.client.shell.ClientOptions;
import com.sessiondesk.common.AppDirs;
import com.sessiondesk.server.DemoAgency;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import okhttp3.OkHttpClient;

/**
 * Screenshots of the incident views (Alerts with blocked devices, the Logout User Account dialog
 * with "lost or stolen" ticked, Active Sessions with "New devices only") at one window width,
 * theme and language, against a demo service with alerts and a blocked device. Not a test.
 * <pre>
 * xvfb-run -a -s "-screen 0 1920x1080x24" java -Dsessiondesk.home=$(mktemp -d) \
 *     -cp target/classes:target/test-classes:CLASSPATH com.sessiondesk.client.bench.IncidentsLook OUT 1280 dark es [150]
 * </pre>
 * The last, optional argument is the text size in percent (100, 125, 150; 100 when not given).
 */
public final class IncidentsLook {

    private static Path out;
    private static String suffix;
    private static int width;
    private static int height;
    private static Scene scene;

    public static void main(String[] args) throws Exception {
        out = Path.of(args[0]);
        width = Integer.parseInt(args[1]);
        height = width >= 1900 ? 1040 : width >= 1280 ? 800 : width >= 1024 ? 768 : 700;
        String theme = args[2];
        String language = args[3];
        String text = args.length > 4 ? args[4].replace("%", "") : "100";
        suffix = "-" + width + "-" + theme + "-" + language + (text.equals("100") ? "" : "-" + text);
        Files.createDirectories(out);
        ClientSettings settings = new ClientSettings(AppDirs.dataDir());
        settings.savePreference(ClientSettings.THEME, theme);
        settings.savePreference(ClientSettings.LANGUAGE, language);
        settings.savePreference(ClientSettings.TEXT_SIZE, text);

        Path db = Files.createTempDirectory("look-db").resolve("look.db");
        SessionServer server = SessionServer.start(ServerConfig.defaults().withPort(0).withDemo(true)
                .withJdbcUrl("jdbc:sqlite:" + db).withInitialAdminPassword("look-password-1"));
        SessionDeskApi mobile = ApiClients.create(server.baseUrl(), new OkHttpClient());
        String token = server.issueAdminToken("admin");
        SessionDeskApi admin = ApiClients.create(server.baseUrl(), new OkHttpClient.Builder().addInterceptor(chain ->
                chain.proceed(chain.request().newBuilder().header("Authorization", SessionDeskApi.bearer(token)).build())).build());
        List<String> staff = admin.users(null, false).execute().body().users().stream()
                .filter(u -> !u.superUser()).map(u -> u.username()).limit(3).toList();
        String lostId = "phone-" + UUID.randomUUID();
        mobile.mobileLogin(new MobileLoginRequest(staff.get(0), DemoAgency.STAFF_PASSWORD, "Billiyo Care", "3.2.0", lostId,
                "Galaxy A54", "Android 14", "en")).execute();
        String newId = "phone-" + UUID.randomUUID();
        mobile.mobileLogin(new MobileLoginRequest(staff.get(1), DemoAgency.STAFF_PASSWORD, "Billiyo Care", "3.2.0", newId,
                "Pixel 8 Pro", "Android 14", "en")).execute();
        for (int i = 0; i < 6; i++) {
            mobile.mobileLogin(new MobileLoginRequest(staff.get(2), "wrong-" + i, "Billiyo Care", "3.2.0", "guess-1",
                    "Moto G", "Android 13", "en")).execute();
        }
        System.out.println("device block: " + admin.blockDevice("tablet-shared-7",
                new DeviceBlockRequest("Tablet left on the bus", null)).execute().code());

        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        onFx(() -> {
            Stage stage = new Stage();
            new SessionDeskApp(ClientOptions.parse(List.of("--server", server.baseUrl(), "--refresh", "0"))).start(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
            scene = stage.getScene();
            return null;
        });
        waitFor(() -> scene.lookup("#passwordField"));
        onFx(() -> {
            ((TextField) scene.lookup("#usernameField")).setText("admin");
            ((TextField) scene.lookup("#passwordField")).setText("look-password-1");
            ((Button) scene.lookup("#signInButton")).fire();
            return null;
        });
        waitFor(() -> scene.lookup("#sessionsTable") instanceof TableView<?> t && !t.getItems().isEmpty() ? t : null);
        Thread.sleep(1500);
        onFx(() -> {
            ((CheckBox) scene.lookup("#newOnlyCheckBox")).setSelected(true);
            return null;
        });
        waitFor(() -> scene.lookup("#sessionsTable") instanceof TableView<?> t && t.getItems().size() < 10 ? t : null);
        Thread.sleep(800);
        shot("sessions-new-only");
        onFx(() -> {
            ((CheckBox) scene.lookup("#newOnlyCheckBox")).setSelected(false);
            ((TextField) scene.lookup("#searchField")).setText("Galaxy A54");
            return null;
        });
        Thread.sleep(800);
        Platform.runLater(() -> scene.getRoot().lookupAll(".logout-button").stream().filter(Node::isVisible)
                .findFirst().map(n -> (Button) n).orElseThrow().fire());
        DialogPane dialog = waitFor(IncidentsLook::logoutDialog);
        onFx(() -> {
            ((CheckBox) dialog.lookup("#blockDeviceCheckBox")).setSelected(true);
            ((TextField) dialog.lookup("#reasonField")).setText("Phone reported stolen");
            return null;
        });
        Thread.sleep(1000);
        shot("logout-dialog-device");
        onFx(() -> {
            dialog.getScene().getWindow().hide();
            return null;
        });
        onFx(() -> {
            ((javafx.scene.control.ButtonBase) scene.lookup("#alertsTab")).fire();
            return null;
        });
        waitFor(() -> scene.lookup("#alertsTable") instanceof TableView<?> t && !t.getItems().isEmpty() ? t : null);
        waitFor(() -> scene.lookup("#devicesTable") instanceof TableView<?> t && !t.getItems().isEmpty() ? t : null);
        Thread.sleep(1500);
        shot("alerts");
        Platform.exit();
        server.close();
        System.exit(0);
    }

    private static DialogPane logoutDialog() {
        for (Window window : Window.getWindows()) {
            if (window.isShowing() && window.getScene() != null && window.getScene().getRoot() instanceof DialogPane pane
                    && "logoutDialog".equals(pane.getId())) {
                return pane;
            }
        }
        return null;
    }

    private static void shot(String name) throws Exception {
        onFx(() -> {
            Window w = scene.getWindow();
            System.out.println(name + ": window x=" + w.getX() + " width=" + w.getWidth() + " root min width="
                    + scene.getRoot().minWidth(-1) + " header pref width=" + scene.getRoot().lookup(".app-header").prefWidth(-1));
            return null;
        });
        Path file = out.resolve(name + suffix + ".png");
        Process p = new ProcessBuilder("import", "-window", "root", "-crop", width + "x" + height + "+0+0", "+repage",
                file.toString()).inheritIO().start();
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            T seen = onFx(probe);
            if (seen != null) {
                return seen;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("timed out");
    }
}

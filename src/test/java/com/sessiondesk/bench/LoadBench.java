package com.sessiondesk.bench;

import com.sessiondesk.common.AppDirs;
import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.AdminLoginResponse;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.api.SessionList;
import com.sessiondesk.client.shell.ClientOptions;
import com.sessiondesk.client.SessionDeskApp;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * 100,000 sessions in the real client window, against the real server in a child JVM (so this
 * JVM's heap is the client's):
 * <ul>
 *   <li>load: refresh until the table shows every row (fetch + parse + view model + layout pulse),
 *       as a ratio to a plain OkHttp GET + Json.GSON parse of the same answer (goal: at most 1.5x);
 *   <li>search keystroke: from setting the search text to the filtered table laid out (goal: under 50 ms);
 *   <li>heap: used heap after GC with every row shown (goal: under 300 MB).
 * </ul>
 * Args: [runs, default 5] [sessions, default 100000]. Warm: a few unmeasured rounds go first.
 */
public final class LoadBench {

    private static final MediaType JSON = MediaType.get("application/json");

    private LoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path dir = Path.of("target", "bench", "load-" + sessions).toAbsolutePath();
        BenchData.prepare(dir, sessions);

        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String baseUrl = "http://127.0.0.1:" + port + "/";
        Process server = startServer(dir, port);
        try {
            run(baseUrl, runs);
        } finally {
            server.destroy();
            if (!server.waitFor(20, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            Platform.exit();
        }
        System.exit(0);
    }

    private static Process startServer(Path dir, int port) throws Exception {
        Path log = dir.resolve("server.log");
        Process process = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx2g",
                "-D" + AppDirs.HOME_PROPERTY + "=" + dir,
                "com.sessiondesk.Main", "serve", "--port", String.valueOf(port),
                "--db", "jdbc:sqlite:" + dir.resolve("demo.db"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        OkHttpClient http = new OkHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited: " + Files.readString(log));
            }
            try (Response r = http.newCall(new Request.Builder().url("http://127.0.0.1:" + port + "/api/v1/health").build()).execute()) {
                if (r.code() == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not become healthy in 120 s: " + Files.readString(log));
    }

    private static void run(String baseUrl, int runs) throws Exception {
        OkHttpClient http = new OkHttpClient.Builder().readTimeout(120, TimeUnit.SECONDS).build();
        String token = adminToken(http, baseUrl);

        // --- the floor: fetch and parse the same JSON, warm ---
        List<Double> parseMs = new ArrayList<>();
        List<Session> sample = null;
        long bytes = 0;
        for (int i = 0; i < runs + 3; i++) {
            long t0 = System.nanoTime();
            Request request = new Request.Builder().url(baseUrl + "api/v1/sessions")
                    .header("Authorization", SessionDeskApi.bearer(token)).build();
            try (Response response = http.newCall(request).execute(); Reader body = response.body().charStream()) {
                SessionList list = Json.GSON.fromJson(body, SessionList.class);
                sample = list.sessions();
            }
            if (i >= 3) {
                parseMs.add(ms(System.nanoTime() - t0));
            }
        }
        int expected = sample.size();
        try (Response response = http.newCall(new Request.Builder().url(baseUrl + "api/v1/sessions")
                .header("Authorization", SessionDeskApi.bearer(token)).build()).execute()) {
            bytes = response.body().bytes().length; // the size only, not timed
        }
        List<String> usernames = new ArrayList<>();
        Random random = new Random(42);
        for (int i = 0; i < 10; i++) {
            usernames.add(sample.get(random.nextInt(sample.size())).username());
        }
        sample = null;
        long heapBefore = usedHeapAfterGc();

        // --- the client: its own window, signed in through the connect screen ---
        Platform.startup(() -> { });
        Platform.setImplicitExit(false);
        SessionDeskApp app = new SessionDeskApp(ClientOptions.parse(new String[] {"--server", baseUrl}));
        app.init();
        Stage stage = onFx(() -> {
            Stage s = new Stage();
            app.start(s);
            return s;
        });
        Scene scene = onFx(stage::getScene);
        signIn(scene, baseUrl);
        TableView<?> table = waitFor(scene, "#sessionsTable", TableView.class, 60);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(600);
        while (onFx(() -> table.getItems().size()) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the table never showed " + expected + " rows");
            }
            Thread.sleep(100);
        }

        List<Double> loadMs = new ArrayList<>();
        for (int i = 0; i < runs + 2; i++) {
            double elapsed = refreshUntilShown(scene, table);
            if (i >= 2) {
                loadMs.add(elapsed);
            }
        }
        double load = BenchSupport.median(loadMs);
        double parse = BenchSupport.median(parseMs);

        // --- search keystrokes: type a username letter by letter, then delete it ---
        TextInputControl search = waitFor(scene, "#searchField", TextInputControl.class, 10);
        List<Double> workMs = new ArrayList<>();
        List<Double> pulseMs = new ArrayList<>();
        List<Double> wideMs = new ArrayList<>(); // keystrokes that leave more than 10,000 rows shown
        for (String username : usernames) {
            List<String> steps = new ArrayList<>();
            for (int n = 1; n <= username.length(); n++) {
                steps.add(username.substring(0, n));
            }
            for (int n = username.length() - 1; n >= 0; n--) {
                steps.add(username.substring(0, n));
            }
            for (String text : steps) {
                double[] t = keystroke(table, search, text);
                workMs.add(t[0]);
                pulseMs.add(t[1]);
                if (onFx(() -> table.getItems().size()) > 10_000) {
                    wideMs.add(t[0]);
                }
            }
        }

        // --- heap with every row shown ---
        long heap = usedHeapAfterGc();
        int shown = onFx(() -> table.getItems().size());

        System.out.printf(Locale.ROOT, "json: %d sessions, %.1f MB%n", expected, bytes / 1e6);
        System.out.printf(Locale.ROOT, "load-100k: fetch+parse median %.0f ms, client load+shown median %.0f ms, ratio %.2fx (goal <= 1.5x), %d runs%n",
                parse, load, load / parse, runs);
        System.out.printf(Locale.ROOT, "search-keystroke over %d rows: filter+layout median %.1f ms, p95 %.1f ms; to next pulse median %.1f ms, p95 %.1f ms (goal < 50 ms), %d keystrokes%n",
                expected, BenchSupport.median(workMs), BenchSupport.percentile(workMs, 95),
                BenchSupport.median(pulseMs), BenchSupport.percentile(pulseMs, 95), workMs.size());
        System.out.printf(Locale.ROOT, "  of which %d leave more than 10,000 rows shown (first letter, cleared field): filter+layout median %.1f ms, p95 %.1f ms%n",
                wideMs.size(), BenchSupport.median(wideMs), BenchSupport.percentile(wideMs, 95));
        System.out.printf(Locale.ROOT, "heap: %d rows shown, used after GC %.0f MB (before the client started %.0f MB; goal < 300 MB)%n",
                shown, heap / 1e6, heapBefore / 1e6);
        Platform.runLater(() -> {
            try {
                app.stop();
            } catch (Exception ignored) {
                // closing anyway
            }
            stage.hide();
        });
    }

    static String adminToken(OkHttpClient http, String baseUrl) throws IOException {
        String body = Json.GSON.toJson(new AdminLoginRequest("admin", BenchData.ADMIN_PASSWORD));
        Request request = new Request.Builder().url(baseUrl + "api/v1/admin/login").post(RequestBody.create(JSON, body)).build();
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new IllegalStateException("admin login answered " + response.code());
            }
            return Json.GSON.fromJson(response.body().charStream(), AdminLoginResponse.class).token();
        }
    }

    static void signIn(Scene scene, String baseUrl) throws Exception {
        waitFor(scene, "#serverUrlField", TextInputControl.class, 60);
        onFx(() -> {
            ((TextInputControl) scene.lookup("#serverUrlField")).setText(baseUrl);
            ((TextInputControl) scene.lookup("#usernameField")).setText("admin");
            ((TextInputControl) scene.lookup("#passwordField")).setText(BenchData.ADMIN_PASSWORD);
            ((Button) scene.lookup("#signInButton")).fire();
            return null;
        });
    }

    /** Fires Refresh; done when the table's list changed (the new rows are in) and a layout pulse ran. */
    static double refreshUntilShown(Scene scene, TableView<?> table) throws Exception {
        CompletableFuture<Double> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            ObservableList<?> items = table.getItems();
            ListChangeListener<Object> listener = new ListChangeListener<>() {
                @Override
                public void onChanged(Change<?> change) {
                    items.removeListener(this);
                    afterNextLayoutPulse(scene, () -> done.complete(ms(System.nanoTime() - t0)));
                }
            };
            items.addListener(listener);
            ((Button) visible(scene, "#refreshButton")).fire();
        });
        return done.get(600, TimeUnit.SECONDS);
    }

    /**
     * One keystroke: [0] setting the text, the filter, and an explicit CSS + layout pass of the
     * table (the work a pulse does); [1] from setting the text to the next layout pulse.
     */
    private static double[] keystroke(TableView<?> table, TextInputControl search, String text) throws Exception {
        CompletableFuture<double[]> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            ObservableList<?> items = table.getItems();
            boolean[] changed = new boolean[1];
            ListChangeListener<Object> listener = change -> changed[0] = true;
            items.addListener(listener);
            search.setText(text);
            Runnable finish = () -> {
                items.removeListener(listener);
                table.applyCss();
                table.layout();
                double work = ms(System.nanoTime() - t0);
                afterNextLayoutPulse(table.getScene(), () -> done.complete(new double[] {work, ms(System.nanoTime() - t0)}));
            };
            if (changed[0]) {
                finish.run();
            } else {
                // a debounced search: wait for the list to change
                items.removeListener(listener);
                items.addListener(new ListChangeListener<Object>() {
                    @Override
                    public void onChanged(Change<?> change) {
                        items.removeListener(this);
                        Platform.runLater(finish);
                    }
                });
            }
        });
        return done.get(60, TimeUnit.SECONDS);
    }

    static void afterNextLayoutPulse(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private static Node visible(Scene scene, String query) {
        Set<Node> all = scene.getRoot().lookupAll(query);
        return all.stream().filter(n -> n.isVisible() && n.getScene() != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + query));
    }

    static <T> T waitFor(Scene scene, String query, Class<T> type, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            Node node = onFx(() -> scene.lookup(query));
            if (node != null) {
                return type.cast(node);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(query + " did not appear in " + seconds + " s");
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    interface FxWork<T> {
        T call() throws Exception;
    }

    static <T> T onFx(FxWork<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }
}

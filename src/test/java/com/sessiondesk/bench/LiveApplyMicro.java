package com.sessiondesk.bench;

import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.client.FakeDialogs;
import com.sessiondesk.client.common.TaskRunner;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.sessions.SessionColumn;
import com.sessiondesk.client.sessions.SessionRow;
import com.sessiondesk.client.sessions.SessionsViewModel;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * How long applying one answer of the change feed keeps the FX thread, at 100,000 rows in a real
 * TableView (no server): N changes per answer, each a session seen again (its row moves to the top),
 * or with {@code -Dmicro.inPlace=true} each a new unsynced count in the same minute (the row stays
 * where it is: most heartbeats). Besides the answer itself, the CSS and layout pass of the table that
 * the next pulse does for it (forced at once, in the same turn).
 * Args: [rows, default 100000] [changes per answer, default 200] [answers, default 20].
 * Run headless: -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw.
 */
public final class LiveApplyMicro {

    private LiveApplyMicro() {
    }

    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perAnswer = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int answers = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Instant now = Instant.parse("2026-11-27T15:00:00Z");
        Random random = new Random(1);
        List<Session> sessions = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            sessions.add(new Session("s" + i, "user" + random.nextInt(size / 3), "User " + i, "dev" + i, "Pixel " + (i % 40),
                    "Android 14", i % 3 == 0 ? "EVV" : "Caregiver", "3.2.0", "English", now.minusSeconds(90_000),
                    now.minusSeconds(random.nextInt(80_000)), 0, false));
        }
        Platform.startup(() -> { });
        com.sessiondesk.client.FakeAdminService feed = new com.sessiondesk.client.FakeAdminService();
        feed.sessions.addAll(sessions);
        // Work runs at once; the slices of a busy answer go through the FX queue as in the client, timed.
        java.util.concurrent.atomic.AtomicLong longestSlice = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicInteger slices = new java.util.concurrent.atomic.AtomicInteger();
        TaskRunner runner = new TaskRunner() {
            @Override
            public <T> void run(java.util.concurrent.Callable<T> work, java.util.function.Consumer<? super T> onSuccess,
                    java.util.function.Consumer<com.sessiondesk.client.common.ClientError> onFailure) {
                TaskRunner.inline().run(work, onSuccess, onFailure);
            }

            @Override
            public void later(Runnable update) {
                slices.incrementAndGet();
                Platform.runLater(() -> {
                    long t0 = System.nanoTime();
                    update.run();
                    longestSlice.accumulateAndGet(System.nanoTime() - t0, Math::max);
                    slices.decrementAndGet();
                });
            }
        };
        ViewContext context = new ViewContext(runner, null, text -> { }, text -> { });
        CompletableFuture<SessionsViewModel> ready = new CompletableFuture<>();
        TableView<?>[] shownIn = new TableView<?>[1];
        Platform.runLater(() -> {
            SessionsViewModel vm = new SessionsViewModel(context, Clock.systemUTC(), new FakeDialogs());
            TableView<SessionRow> table = new TableView<>();
            for (SessionColumn column : SessionColumn.values()) {
                TableColumn<SessionRow, String> c = new TableColumn<>(column.header());
                c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(cell.getValue().username()));
                table.getColumns().add(c);
            }
            table.setFixedCellSize(38);
            table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
            if (!Boolean.getBoolean("micro.noTable")) {
                table.setItems(vm.shown());
            }
            Stage stage = new Stage();
            stage.setScene(new Scene(table, 1200, 800));
            stage.show();
            shownIn[0] = table;
            vm.connect(feed);
            ready.complete(vm);
        });
        SessionsViewModel vm = ready.get(120, TimeUnit.SECONDS);
        boolean inPlace = Boolean.getBoolean("micro.inPlace");
        List<Double> ms = new ArrayList<>();
        List<Double> layoutMs = new ArrayList<>();
        for (int a = 0; a < answers; a++) {
            List<Session> upserted = new ArrayList<>();
            for (int c = 0; c < perAnswer; c++) {
                int at = random.nextInt(size);
                Session old = sessions.get(at);
                Session seen = new Session(old.id(), old.username(), old.name(), old.deviceId(), old.deviceModel(),
                        old.deviceOs(), old.application(), old.appVersion(), old.language(), old.loginTime(),
                        inPlace ? old.lastSeen() : now.plusSeconds(a * 10L + c), a + 1, false);
                sessions.set(at, seen);
                upserted.add(seen);
            }
            feed.changes.add(new SessionChanges(upserted, List.of(), List.of(), "c" + (a + 1)));
            CompletableFuture<Double> took = new CompletableFuture<>();
            CompletableFuture<Double> laidOut = new CompletableFuture<>();
            Platform.runLater(() -> {
                long t0 = System.nanoTime();
                vm.poll();
                long t1 = System.nanoTime();
                took.complete((t1 - t0) / 1e6);
                shownIn[0].getScene().getRoot().applyCss();
                shownIn[0].getScene().getRoot().layout();
                laidOut.complete((System.nanoTime() - t1) / 1e6);
            });
            double t = took.get(60, TimeUnit.SECONDS);
            double layout = laidOut.get(60, TimeUnit.SECONDS);
            while (slices.get() > 0) {
                Thread.sleep(5);
            }
            double slice = longestSlice.getAndSet(0) / 1e6;
            if (a >= 3) {
                ms.add(Math.max(t, slice));
                layoutMs.add(layout);
            }
            Thread.sleep(100);
        }
        System.out.printf(Locale.ROOT, "live-apply: %d rows, %d changes per answer (%s): longest FX-thread turn per answer median %.1f ms, max %.1f ms; "
                        + "the table's CSS + layout after it median %.1f ms, max %.1f ms%n",
                size, perAnswer, inPlace ? "rows stay in place" : "rows move to the top", BenchSupport.median(ms),
                BenchSupport.percentile(ms, 100), BenchSupport.median(layoutMs), BenchSupport.percentile(layoutMs, 100));
        Platform.exit();
        System.exit(0);
    }
}

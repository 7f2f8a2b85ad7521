package com.sessiondesk.client.shell;

import java.lang.management.ManagementFactory;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.control.TableRow;

/**
 * {@code --smoke-test}: waits (60 s at most) for the sessions table to show rows, then prints one
 * line and exits 0 once a pulse has painted table rows that hold sessions, or prints why not and
 * exits 1. The process ends by itself whatever happens: without a verdict
 * {@value #VERDICT_SECONDS} s after the window opened (a stuck FX thread) it stops with 1, and
 * {@value #SHUTDOWN_SECONDS} s after the verdict (a shutdown that does not end) with the verdict.
 * CI, the installer check and the launch benchmark read this line.
 */
final class SmokeTest {

    private static final javafx.util.Duration TIMEOUT = javafx.util.Duration.seconds(60);
    static final int VERDICT_SECONDS = 90;
    static final int SHUTDOWN_SECONDS = 15;

    private final IntConsumer exitCode;
    private final CountDownLatch decided = new CountDownLatch(1);
    private volatile int verdict = 1;
    private boolean done;

    SmokeTest(IntConsumer exitCode) {
        this.exitCode = exitCode;
        Thread watchdog = new Thread(this::stopWhenOverdue, "smoke-test-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void stopWhenOverdue() {
        try {
            if (!decided.await(VERDICT_SECONDS, TimeUnit.SECONDS)) {
                System.out.println("smoke-test: FAILED: no verdict " + VERDICT_SECONDS + " s after the window opened");
                System.out.flush();
                Runtime.getRuntime().halt(1);
            }
            Thread.sleep(SHUTDOWN_SECONDS * 1000L);
        } catch (InterruptedException e) {
            return;
        }
        System.out.println("smoke-test: still shutting down " + SHUTDOWN_SECONDS + " s after the verdict: stopped");
        System.out.flush();
        Runtime.getRuntime().halt(verdict);
    }

    void watch(MainController main) {
        PauseTransition timeout = new PauseTransition(TIMEOUT);
        timeout.setOnFinished(e -> fail("no sessions were shown within 60 s"));
        timeout.play();
        var shown = main.sessions().shown();
        shown.addListener((ListChangeListener<Object>) change -> {
            if (!shown.isEmpty() && !done) {
                timeout.stop();
                afterNextFrame(() -> {
                    if (paintedRows(main.root()) > 0) {
                        succeed(shown.size());
                    } else {
                        fail(shown.size() + " sessions arrived but the table painted no row of them");
                    }
                });
            }
        });
    }

    /** Rows of the table on screen that hold a session (an empty table still has blank rows). */
    private static long paintedRows(Parent root) {
        return root.lookupAll(".table-row-cell").stream()
                .filter(node -> node instanceof TableRow<?> row && !row.isEmpty() && row.getItem() != null)
                .filter(node -> node.isVisible() && node.getScene() != null && node.getScene().getWindow() != null
                        && node.getScene().getWindow().isShowing())
                .count();
    }

    /** An animation pulse after the rows arrived: the pulse that painted them has completed. */
    private static void afterNextFrame(Runnable action) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 2) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    private void succeed(int sessions) {
        if (done) {
            return;
        }
        done = true;
        long sinceStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("smoke-test: ok, " + sessions + " sessions shown, first table painted after "
                + sinceStart + " ms since JVM start");
        decide(0);
    }

    void fail(String reason) {
        if (done) {
            return;
        }
        done = true;
        System.out.println("smoke-test: FAILED: " + reason);
        decide(1);
    }

    private void decide(int code) {
        verdict = code;
        decided.countDown();
        exitCode.accept(code);
        Platform.exit();
    }
}

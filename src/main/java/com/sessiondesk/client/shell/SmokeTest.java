package com.sessiondesk.client.shell;

import java.lang.management.ManagementFactory;
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
 * exits 1. Whatever happens (a stuck FX thread, a shutdown that never ends) the process is gone
 * {@value #WATCHDOG_SECONDS} s after the window opened. CI, the installer check and the launch
 * benchmark read this line.
 */
final class SmokeTest {

    private static final javafx.util.Duration TIMEOUT = javafx.util.Duration.seconds(60);
    static final int WATCHDOG_SECONDS = 90;

    private final IntConsumer exitCode;
    private boolean done;

    SmokeTest(IntConsumer exitCode) {
        this.exitCode = exitCode;
        Thread watchdog = new Thread(SmokeTest::haltWhenOverdue, "smoke-test-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private static void haltWhenOverdue() {
        try {
            Thread.sleep(WATCHDOG_SECONDS * 1000L);
        } catch (InterruptedException e) {
            return;
        }
        System.out.println("smoke-test: FAILED: still running after " + WATCHDOG_SECONDS + " s");
        System.out.flush();
        Runtime.getRuntime().halt(1);
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
        exitCode.accept(0);
        Platform.exit();
    }

    void fail(String reason) {
        if (done) {
            return;
        }
        done = true;
        System.out.println("smoke-test: FAILED: " + reason);
        exitCode.accept(1);
        Platform.exit();
    }
}

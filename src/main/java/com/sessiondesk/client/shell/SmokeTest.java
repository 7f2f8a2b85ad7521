package com.sessiondesk.client.shell;

import java.lang.management.ManagementFactory;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;

/**
 * {@code --smoke-test}: waits (60 s at most) for the sessions table to show rows, then prints one
 * line and exits 0, or prints why not and exits 1. The installer check and the launch benchmark
 * read this line.
 */
final class SmokeTest {

    private static final javafx.util.Duration TIMEOUT = javafx.util.Duration.seconds(60);

    private final IntConsumer exitCode;
    private boolean done;

    SmokeTest(IntConsumer exitCode) {
        this.exitCode = exitCode;
    }

    void watch(MainController main) {
        PauseTransition timeout = new PauseTransition(TIMEOUT);
        timeout.setOnFinished(e -> fail("no sessions were shown within 60 s"));
        timeout.play();
        var shown = main.sessions().shown();
        shown.addListener((ListChangeListener<Object>) change -> {
            if (!shown.isEmpty() && !done) {
                timeout.stop();
                afterNextFrame(() -> succeed(shown.size()));
            }
        });
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

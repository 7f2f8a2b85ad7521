package com.sessiondesk.client.common;

import java.time.Duration;
import java.util.function.Supplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/**
 * The automatic refresh of whichever view is shown: every {@code interval}, and while that view's
 * last load failed, every {@link #RECOVERY} at most, so every view recovers by itself once the
 * server is back. Once a minute it also moves the "… ago" texts on. Off with a zero interval.
 */
public final class AutoRefresh {

    static final Duration RECOVERY = Duration.ofSeconds(3);

    private final long intervalSeconds;
    private final long recoverySeconds;
    private final Supplier<Refreshable> shown;
    private final Runnable everyMinute;
    private final Timeline ticks;
    private long sinceRefresh;
    private long sinceMinute;

    public AutoRefresh(Duration interval, Supplier<Refreshable> shown, Runnable everyMinute) {
        this.intervalSeconds = Math.max(1, interval.toSeconds());
        this.recoverySeconds = Math.min(intervalSeconds, RECOVERY.toSeconds());
        this.shown = shown;
        this.everyMinute = everyMinute;
        this.ticks = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> tick()));
        ticks.setCycleCount(Timeline.INDEFINITE);
        if (!interval.isZero() && !interval.isNegative()) {
            ticks.play();
        }
    }

    /** Another view is shown (it loads on its own): the interval starts again. */
    public void restart() {
        sinceRefresh = 0;
    }

    private void tick() {
        if (++sinceMinute >= 60) {
            sinceMinute = 0;
            everyMinute.run();
        }
        Refreshable view = shown.get();
        if (view == null || view.state().isLoading()) {
            return;
        }
        sinceRefresh++;
        boolean failing = view.state().getErrorMessage() != null;
        if (sinceRefresh >= (failing ? recoverySeconds : intervalSeconds)) {
            sinceRefresh = 0;
            view.refresh();
        }
    }
}

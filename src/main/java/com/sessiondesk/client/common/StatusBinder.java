package com.sessiondesk.client.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;

/** Binds a view's {@link LoadState} to its progress indicator, stale marker and error banner. */
public final class StatusBinder {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT);

    private StatusBinder() {
    }

    public static void bind(LoadState state, ProgressIndicator loading, Label stale, Label updated,
                            ErrorBanner banner, Runnable retry) {
        loading.visibleProperty().bind(state.loadingProperty());
        stale.visibleProperty().bind(state.staleProperty());
        stale.managedProperty().bind(state.staleProperty());
        stale.textProperty().bind(Bindings.createStringBinding(
                () -> "Not current: last updated " + time(state.updatedAtProperty().get()),
                state.updatedAtProperty()));
        updated.textProperty().bind(Bindings.createStringBinding(() -> {
            Instant at = state.updatedAtProperty().get();
            return at == null ? "" : "Updated " + time(at);
        }, state.updatedAtProperty()));
        updated.visibleProperty().bind(state.staleProperty().not());
        updated.managedProperty().bind(state.staleProperty().not());
        banner.bind(state, retry);
    }

    private static String time(Instant at) {
        return at == null ? "never" : TIME.format(at.atZone(ZoneId.systemDefault()));
    }
}

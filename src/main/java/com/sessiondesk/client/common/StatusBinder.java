package com.sessiondesk.client.common;

import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.StatusBar;

/**
 * Binds a view's {@link LoadState} to its status bar (at the bottom of the view: progress while
 * loading, "Updated 3:04 PM", or a "Not current" marker when the last reload failed), its error
 * banner, and the masker over its table while it waits for its first data.
 */
public final class StatusBinder {

    private StatusBinder() {
    }

    public static void bind(LoadState state, StatusBar status, ErrorBanner banner, Runnable retry) {
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            Instant at = state.updatedAtProperty().get();
            if (state.isLoading()) {
                return Messages.get("common.loading");
            }
            return at == null || state.isStale() ? "" : Messages.format("status.updated", time(at));
        }, state.updatedAtProperty(), state.loadingProperty(), state.staleProperty()));
        status.progressProperty().bind(Bindings.when(state.loadingProperty()).then(-1.0).otherwise(0.0));
        Label stale = new Label();
        stale.setId("staleLabel");
        stale.getStyleClass().add("stale-label");
        Region icon = Icons.of("clock-alert-outline");
        stale.setGraphic(icon);
        stale.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("status.notCurrent", time(state.updatedAtProperty().get())),
                state.updatedAtProperty()));
        stale.visibleProperty().bind(state.staleProperty());
        stale.managedProperty().bind(state.staleProperty());
        status.getRightItems().add(stale);
        banner.bind(state, retry);
    }

    /** The masker over a table while the view waits for data it does not have yet. */
    public static void mask(MaskerPane masker, ObservableBooleanValue waiting, String text) {
        masker.setText(text);
        masker.visibleProperty().bind(waiting);
    }

    private static String time(Instant at) {
        return at == null ? Messages.get("status.never") : Formats.time(at);
    }
}

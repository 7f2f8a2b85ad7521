package com.sessiondesk.client.common;

import java.time.Clock;
import java.time.Instant;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The loading / failed / stale state of a view's data, shared by all views: a failed refresh
 * keeps the last data and marks it stale, with the failure's message for the banner.
 */
public final class LoadState {

    private final Clock clock;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyObjectWrapper<Instant> updatedAt = new ReadOnlyObjectWrapper<>(this, "updatedAt");
    private int generation;

    public LoadState(Clock clock) {
        this.clock = clock;
    }

    /** Starts a load; only the result of the latest one counts (see {@link #isCurrent}). */
    public int started() {
        loading.set(true);
        return ++generation;
    }

    /** Back to "nothing loaded"; results still in flight no longer count. */
    public void reset() {
        generation++;
        loading.set(false);
        errorMessage.set(null);
        stale.set(false);
        updatedAt.set(null);
    }

    public boolean isCurrent(int ticket) {
        return ticket == generation;
    }

    public void succeeded() {
        loading.set(false);
        errorMessage.set(null);
        stale.set(false);
        updatedAt.set(clock.instant());
    }

    /**
     * The data shown is current as of now without a reload (a live view's change feed answered):
     * "Updated …" moves on, and data a failed reload left stale is current again.
     */
    public void confirmedCurrent() {
        if (!loading.get()) {
            stale.set(false);
            updatedAt.set(clock.instant());
        }
    }

    /** @param hasData whether the view still shows earlier data (which is now stale) */
    public void failed(String message, boolean hasData) {
        loading.set(false);
        errorMessage.set(message);
        stale.set(hasData);
    }

    /** Shows a message that is not about loading (e.g. a failed unblock) in the same banner. */
    public void showError(String message) {
        errorMessage.set(message);
    }

    public void clearError() {
        errorMessage.set(null);
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> updatedAtProperty() {
        return updatedAt.getReadOnlyProperty();
    }

    public boolean isLoading() {
        return loading.get();
    }

    public String getErrorMessage() {
        return errorMessage.get();
    }

    public boolean isStale() {
        return stale.get();
    }

    public Clock clock() {
        return clock;
    }
}

package com.sessiondesk.client.common;

import java.time.Clock;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a {@link ListViewModel} keeps besides its rows: the loading state, the count and placeholder
 * texts (set again whenever a load starts or ends), and a failed action shown in the view's banner.
 */
public abstract class BaseListViewModel<T> implements ListViewModel<T> {

    protected final ViewContext context;
    private final LoadState state;
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper placeholderText = new ReadOnlyStringWrapper(this, "placeholderText", "");

    /** A subclass calls {@link #updateTexts()} once its rows exist. */
    protected BaseListViewModel(ViewContext context, Clock clock) {
        this.context = context;
        this.state = new LoadState(clock);
        state.loadingProperty().addListener((obs, old, now) -> updateTexts());
    }

    /** Sets the count and placeholder texts for the rows and the state now ({@link #showTexts}). */
    protected abstract void updateTexts();

    protected final void showTexts(String count, String placeholder) {
        countText.set(count);
        placeholderText.set(placeholder);
    }

    /** A failed action: shown in the banner, the list stays as it is; a lost sign-in goes to the shell. */
    public final void actionFailed(ClientError error) {
        if (!context.handledGlobally(error)) {
            state.showError(error.message());
        }
    }

    @Override
    public final ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    @Override
    public final ReadOnlyStringProperty placeholderTextProperty() {
        return placeholderText.getReadOnlyProperty();
    }

    @Override
    public final LoadState state() {
        return state;
    }
}

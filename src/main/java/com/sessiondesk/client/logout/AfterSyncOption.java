package com.sessiondesk.client.logout;

import com.sessiondesk.client.common.Messages;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * "Log out after the device has synced": offered when the devices a log out ends reported unsynced
 * items; chosen, the sessions end once synced, at most {@link #SYNC_MINUTES} later. The warning
 * says which of the two happens.
 */
public final class AfterSyncOption {

    /** The longest wait for the device's sync. */
    public static final int SYNC_MINUTES = 15;

    private final BooleanProperty chosen = new SimpleBooleanProperty(this, "chosen");
    private final BooleanBinding offered;
    private final StringBinding warningText;

    /** @param offeredNow whether the option is offered, asked again when {@code changes} change */
    AfterSyncOption(BooleanSupplier offeredNow, Observable... changes) {
        this(offeredNow, () -> Messages.get("logout.warning"), changes);
    }

    /**
     * @param offeredNow whether the option is offered, asked again when {@code changes} change
     * @param immediateWarning the seed's warning for an immediate log out, in the dialog's words
     */
    AfterSyncOption(BooleanSupplier offeredNow, Supplier<String> immediateWarning, Observable... changes) {
        offered = Bindings.createBooleanBinding(offeredNow::getAsBoolean, changes);
        warningText = Bindings.createStringBinding(() -> isChosen()
                ? Messages.format("logout.afterSync.note", SYNC_MINUTES) : immediateWarning.get(), chosen, offered);
    }

    /** Chosen and offered: only then is it sent. */
    public boolean isChosen() {
        return chosen.get() && offered.get();
    }

    public BooleanProperty chosenProperty() {
        return chosen;
    }

    public BooleanBinding offered() {
        return offered;
    }

    /** The seed's warning for the immediate log out; what happens instead after sync. */
    public StringBinding warningText() {
        return warningText;
    }
}

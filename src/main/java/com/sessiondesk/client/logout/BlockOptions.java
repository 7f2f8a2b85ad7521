package com.sessiondesk.client.logout;

import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.Messages;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The Block choice of every dialog that can block (log out one session, log out a selection, block
 * from User Accounts): whether to block, and until when.
 */
public final class BlockOptions {

    private final Clock clock;
    private final ZoneId zone;
    private final BooleanProperty block = new SimpleBooleanProperty(this, "block");
    private final ObjectProperty<BlockEnd> end = new SimpleObjectProperty<>(this, "end", BlockEnd.INDEFINITE);
    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>(this, "date");
    private final BooleanBinding valid;
    private final StringBinding summary;

    public BlockOptions(Clock clock) {
        this(clock, ZoneId.systemDefault());
    }

    public BlockOptions(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        valid = Bindings.createBooleanBinding(this::isValid, block, end, date);
        summary = Bindings.createStringBinding(this::describe, block, end, date);
    }

    /** The end of the block, or null (indefinite, or not blocking). */
    public Instant until() {
        return block.get() ? end.get().until(clock, zone, date.get()) : null;
    }

    /** A date must be chosen for "Until a date…", and it may not be in the past. */
    private boolean isValid() {
        if (!block.get() || end.get() != BlockEnd.DATE) {
            return true;
        }
        return date.get() != null && !date.get().isBefore(clock.instant().atZone(zone).toLocalDate());
    }

    /** "" (no block), "Blocked until unblocked", "Blocked until Dec 1, 2026, 12:00 AM". */
    private String describe() {
        if (!block.get()) {
            return "";
        }
        if (!isValid()) {
            return Messages.get("block.chooseDate");
        }
        Instant until = until();
        return until == null ? Messages.get("block.summary.indefinite")
                : Messages.format("block.summary.until", Formats.dateTime(until));
    }

    public BooleanProperty blockProperty() {
        return block;
    }

    public ObjectProperty<BlockEnd> endProperty() {
        return end;
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public StringBinding summaryProperty() {
        return summary;
    }

    public boolean isBlock() {
        return block.get();
    }
}

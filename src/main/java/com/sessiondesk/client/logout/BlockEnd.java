package com.sessiondesk.client.logout;

import com.sessiondesk.client.common.Messages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** How long a block lasts: until an admin unblocks, or until a moment the service lifts it by itself. */
public enum BlockEnd {
    INDEFINITE("block.indefinite"),
    ONE_HOUR("block.oneHour"),
    END_OF_DAY("block.endOfDay"),
    ONE_WEEK("block.oneWeek"),
    DATE("block.date");

    private final String label;

    BlockEnd(String label) {
        this.label = label;
    }

    /**
     * The instant the block ends; null for {@link #INDEFINITE}. The end of a day is midnight after
     * it in the computer's time zone; {@link #DATE} ends at the end of {@code date} (null: no date yet).
     */
    public Instant until(Clock clock, ZoneId zone, LocalDate date) {
        Instant now = clock.instant();
        return switch (this) {
            case INDEFINITE -> null;
            case ONE_HOUR -> now.plus(Duration.ofHours(1));
            case END_OF_DAY -> now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
            case ONE_WEEK -> now.plus(Duration.ofDays(7));
            case DATE -> date == null ? null : date.plusDays(1).atStartOfDay(zone).toInstant();
        };
    }

    @Override
    public String toString() {
        return Messages.get(label); // the label is a key of i18n/messages.properties
    }
}

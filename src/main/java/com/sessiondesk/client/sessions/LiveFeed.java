package com.sessiondesk.client.sessions;

import com.sessiondesk.client.common.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Whether the table follows the service's change feed: live (current), behind since a moment
 * (the server did not answer; it catches up by itself), or off (no feed: nothing loaded yet).
 */
public final class LiveFeed {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.MEDIUM);

    private final ReadOnlyBooleanWrapper following = new ReadOnlyBooleanWrapper(this, "following");
    private final ReadOnlyObjectWrapper<Instant> behindSince = new ReadOnlyObjectWrapper<>(this, "behindSince");
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ZoneId zone;

    public LiveFeed(ZoneId zone) {
        this.zone = zone;
    }

    /** The feed answered: the table is current. */
    void current() {
        following.set(true);
        behindSince.set(null);
        text.set(Messages.get("live.current"));
    }

    /** The feed did not answer at {@code now}; "behind since" keeps the first failure's time. */
    void behind(Instant now, String why) {
        if (behindSince.get() == null) {
            behindSince.set(now);
        }
        text.set(why == null ? Messages.format("live.behind", TIME.format(behindSince.get().atZone(zone)))
                : Messages.format("live.behindWhy", TIME.format(behindSince.get().atZone(zone)), why));
    }

    /** No feed to follow (signed out, or a server without one). */
    void off() {
        following.set(false);
        behindSince.set(null);
        text.set("");
    }

    public ReadOnlyBooleanProperty followingProperty() {
        return following.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> behindSinceProperty() {
        return behindSince.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public boolean isCurrent() {
        return following.get() && behindSince.get() == null;
    }
}

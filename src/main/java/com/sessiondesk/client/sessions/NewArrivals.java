package com.sessiondesk.client.sessions;

import com.sessiondesk.api.Session;
import com.sessiondesk.client.common.Cells.Badge;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.Messages;
import java.time.Duration;
import java.time.Instant;

/**
 * Sessions from a device the user never used before, or an address not seen for them in 90 days
 * (the service says which): marked in the table, and kept by "New devices only", for 24 hours from
 * their login.
 */
public final class NewArrivals {

    /** How long after its login a session counts as new. */
    public static final Duration MARKED_FOR = Duration.ofHours(24);

    private NewArrivals() {
    }

    /** Whether the session is new at {@code now}: a new device or address, logged in within 24 hours. */
    public static boolean isNew(Session session, Instant now) {
        return (session.newDevice() || session.newAddress()) && loggedInAfter(session, now.minus(MARKED_FOR));
    }

    /** A new device or address that logged in after {@code since} ("New devices only"). */
    static boolean newSince(Session session, Instant since) {
        return (session.newDevice() || session.newAddress()) && loggedInAfter(session, since);
    }

    private static boolean loggedInAfter(Session session, Instant since) {
        return session.loginTime() != null && session.loginTime().isAfter(since);
    }

    /** "New device", "New address" or both, with what it means; null when the session is not new at {@code now}. */
    public static Badge badge(Session session, Instant now) {
        if (!isNew(session, now)) {
            return null;
        }
        String key = session.newDevice() && session.newAddress() ? "sessions.badge.newBoth"
                : session.newDevice() ? "sessions.badge.newDevice" : "sessions.badge.newAddress";
        return new Badge(Messages.get(key), "badge-info",
                Messages.format(key + ".explanation", Formats.displayName(session.name(), session.username())));
    }
}

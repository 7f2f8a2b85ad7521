package com.sessiondesk.client.sessions;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The "fresh" highlight: sessions a reload or the feed brought, highlighted briefly; none at the first load. */
final class FreshRows {

    private Set<String> fresh = Set.of();

    /** After a reload: the loaded rows that were not shown until now ({@code shownUntilNow}: by id; empty at first). */
    void reloaded(List<SessionRow> loaded, Map<String, SessionRow> shownUntilNow) {
        if (shownUntilNow.isEmpty()) {
            fresh = Set.of();
            return;
        }
        Set<String> added = new HashSet<>();
        for (SessionRow row : loaded) {
            if (!shownUntilNow.containsKey(row.id())) {
                added.add(row.id());
            }
        }
        fresh = added;
    }

    /** A session that started (from the feed). */
    void add(String sessionId) {
        Set<String> more = new HashSet<>(fresh);
        more.add(sessionId);
        fresh = more;
    }

    boolean contains(String sessionId) {
        return fresh.contains(sessionId);
    }

    boolean any() {
        return !fresh.isEmpty();
    }

    void clear() {
        fresh = Set.of();
    }
}

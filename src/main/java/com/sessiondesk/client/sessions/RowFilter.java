package com.sessiondesk.client.sessions;

import java.time.Instant;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a shown row passes: the search text (lowercase; empty: any), the ticked applications and
 * languages (none: any), and with "New devices only" the sessions new for their user that logged
 * in after {@code newSince} (null: any session).
 */
record RowFilter(String query, Set<String> apps, Set<String> langs, Instant newSince) implements Predicate<SessionRow> {

    static final RowFilter NONE = new RowFilter("", Set.of(), Set.of(), null);

    static RowFilter of(String query, Set<String> apps, Set<String> langs) {
        return of(query, apps, langs, null);
    }

    static RowFilter of(String query, Set<String> apps, Set<String> langs, Instant newSince) {
        RowFilter filter = new RowFilter(query, apps, langs, newSince);
        return filter.equals(NONE) ? NONE : filter;
    }

    @Override
    public boolean test(SessionRow row) {
        return (query.isEmpty() || row.matches(query))
                && (apps.isEmpty() || apps.contains(row.application()))
                && (langs.isEmpty() || langs.contains(SessionRow.text(row.session().language())))
                && (newSince == null || NewArrivals.newSince(row.session(), newSince));
    }

    /**
     * Whether this filter only takes rows away from {@code before}'s (a letter typed onto the search,
     * the ticks unchanged): then only the rows shown now need looking at, not all 100,000.
     */
    boolean narrows(RowFilter before) {
        return !before.query.isEmpty() && query.contains(before.query) && apps.equals(before.apps)
                && langs.equals(before.langs) && java.util.Objects.equals(newSince, before.newSince);
    }
}

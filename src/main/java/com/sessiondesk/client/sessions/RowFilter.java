package com.sessiondesk.client.sessions;

import java.util.Set;
import java.util.function.Predicate;

/** What a shown row passes: the search text (lowercase; empty: any) and the ticked applications and languages (none: any). */
record RowFilter(String query, Set<String> apps, Set<String> langs) implements Predicate<SessionRow> {

    static final RowFilter NONE = new RowFilter("", Set.of(), Set.of());

    static RowFilter of(String query, Set<String> apps, Set<String> langs) {
        RowFilter filter = new RowFilter(query, apps, langs);
        return filter.equals(NONE) ? NONE : filter;
    }

    @Override
    public boolean test(SessionRow row) {
        return (query.isEmpty() || row.matches(query))
                && (apps.isEmpty() || apps.contains(row.application()))
                && (langs.isEmpty() || langs.contains(SessionRow.text(row.session().language())));
    }

    /**
     * Whether this filter only takes rows away from {@code before}'s (a letter typed onto the search,
     * the ticks unchanged): then only the rows shown now need looking at, not all 100,000.
     */
    boolean narrows(RowFilter before) {
        return !before.query.isEmpty() && query.contains(before.query) && apps.equals(before.apps)
                && langs.equals(before.langs);
    }
}

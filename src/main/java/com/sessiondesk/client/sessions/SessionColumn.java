package com.sessiondesk.client.sessions;

import com.sessiondesk.client.common.Messages;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javafx.scene.control.TableColumn;

/**
 * The columns of the Active Sessions table: header text and sort order (the seven of the design,
 * then Address, hidden by default). Sorting uses the underlying values (instants, not their text).
 */
public enum SessionColumn {
    USERNAME("sessions.column.username", text(SessionRow::username)),
    NAME("sessions.column.name", text(SessionRow::name)),
    DEVICE("sessions.column.device", text(SessionRow::device)),
    APPLICATION("sessions.column.application", text(SessionRow::application).thenComparing(text(row -> SessionRow.text(row.session().appVersion())))),
    LANGUAGE("sessions.column.language", text(row -> SessionRow.text(row.session().language()))),
    LOGIN_TIME("sessions.column.loginTime", time(row -> row.session().loginTime())),
    /** By the minute shown, then by username: rows that read the same keep their order across refreshes. */
    LAST_SEEN("sessions.column.lastSeen", Comparator.comparing((SessionRow row) -> row.session().lastSeen(),
            Comparator.nullsFirst(SessionColumn::byMinute)).thenComparing(text(SessionRow::username))),
    ADDRESS("sessions.column.address", text(row -> SessionRow.text(row.session().address())));

    private final String headerKey;
    private final Comparator<SessionRow> order;

    SessionColumn(String headerKey, Comparator<SessionRow> order) {
        this.headerKey = headerKey;
        this.order = order;
    }

    /** The column's header in the chosen language. */
    public String header() {
        return Messages.get(headerKey);
    }

    /** Whether the shown text depends on the present ("5 min ago", a time shown without its date today). */
    public boolean dependsOnNow() {
        return this == LOGIN_TIME || this == LAST_SEEN;
    }

    /** Ascending order of this column; ties broken by session id so refreshes keep rows in place. */
    public Comparator<SessionRow> order() {
        return order.thenComparing(SessionRow::id, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private static Comparator<SessionRow> text(Function<SessionRow, String> key) {
        return Comparator.comparing(key, String.CASE_INSENSITIVE_ORDER);
    }

    /**
     * The order of a table's sort columns (header clicks), each ascending or descending; null
     * when no column of this enum sorts.
     */
    public static Comparator<SessionRow> orderOf(List<? extends TableColumn<SessionRow, ?>> sortOrder) {
        Comparator<SessionRow> order = null;
        for (TableColumn<SessionRow, ?> column : sortOrder) {
            if (column.getUserData() instanceof SessionColumn sessionColumn) {
                Comparator<SessionRow> one = column.getSortType() == TableColumn.SortType.DESCENDING
                        ? sessionColumn.order().reversed() : sessionColumn.order();
                order = order == null ? one : order.thenComparing(one);
            }
        }
        return order;
    }

    /** By the minute shown (as truncating to minutes would), without making an Instant per comparison. */
    private static int byMinute(Instant a, Instant b) {
        return Long.compare(Math.floorDiv(a.getEpochSecond(), 60), Math.floorDiv(b.getEpochSecond(), 60));
    }

    private static Comparator<SessionRow> time(Function<SessionRow, Instant> key) {
        return Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
}

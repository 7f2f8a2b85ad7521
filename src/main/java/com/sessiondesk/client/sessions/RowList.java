package com.sessiondesk.client.sessions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.TreeMap;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableListBase;

/**
 * Rows of the Active Sessions table in the table's order, changed only in whole batches: a reload
 * or a new filter ({@link #reset}), or one answer of the change feed ({@link #apply}), each one list
 * change. A batch is built as {@link Edits} against the list as it is (rows replaced or removed at
 * their index, rows inserted by the order), then applied in one pass over the array: a copy of the
 * 100,000 references, whatever the number of rows moved. Its change names each row updated in place,
 * removed or inserted, so the TableView, its selection and focus react once per batch, not once per row.
 * Read-only otherwise. Random access (an array), so that binary searches in it are binary.
 */
final class RowList extends ObservableListBase<SessionRow> implements RandomAccess {

    private List<SessionRow> items = new ArrayList<>();

    @Override
    public SessionRow get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    @Override
    public Object[] toArray() {
        return items.toArray(); // one copy of the array (copies of this list: a reload, a sort)
    }

    /**
     * Every row anew, in one change. Told as one sub-change that names the old rows by the old list
     * itself: {@code nextRemove(0, old)} would copy the 100,000 removed rows one by one into the change.
     */
    void reset(List<SessionRow> rows) {
        if (items.isEmpty() && rows.isEmpty()) {
            return;
        }
        List<SessionRow> old = Collections.unmodifiableList(items);
        items = new ArrayList<>(rows);
        int size = items.size();
        fireChange(new ListChangeListener.Change<>(this) {
            private boolean read;

            @Override
            public boolean next() {
                boolean more = !read;
                read = true;
                return more;
            }

            @Override
            public void reset() {
                read = false;
            }

            @Override
            public int getFrom() {
                return 0;
            }

            @Override
            public int getTo() {
                return size;
            }

            @Override
            public List<SessionRow> getRemoved() {
                return old;
            }

            @Override
            protected int[] getPermutation() {
                return new int[0];
            }
        });
    }

    /** Edits against this list as it is now; {@code order} places the inserted rows (null: at the end). */
    Edits edits(Comparator<SessionRow> order) {
        return new Edits(order);
    }

    /** Applies the edits (made against this list as it still is) as one change. */
    void apply(Edits edits) {
        if (edits.at.isEmpty() && edits.inserted.isEmpty()) {
            return;
        }
        // The inserted rows in order, each with its place among the rows as they are (before any edit).
        List<SessionRow> inserted = new ArrayList<>(edits.inserted);
        int[] before = new int[inserted.size()];
        if (edits.order != null) {
            inserted.sort(edits.order);
            for (int i = 0; i < before.length; i++) {
                int found = Collections.binarySearch(items, inserted.get(i), edits.order);
                before[i] = found >= 0 ? found : -found - 1;
            }
        } else {
            java.util.Arrays.fill(before, items.size());
        }
        Merge merge = new Merge(items, inserted, before);
        beginChange();
        // Reported as if done one by one from the top, so each index is where the row is at that moment.
        for (Map.Entry<Integer, SessionRow> edit : edits.at.entrySet()) {
            int index = edit.getKey();
            merge.advanceTo(index);
            SessionRow was = items.get(index);
            if (edit.getValue() == null) {
                nextRemove(merge.result.size(), was);
            } else {
                merge.result.add(edit.getValue());
                // An update, not a set: the TableView's skin answers any replaced row by making every
                // visible cell anew (TableViewSkinBase: item count 0, rebuild), an update only refills them.
                nextUpdate(merge.result.size() - 1);
            }
            merge.from = index + 1;
        }
        merge.advanceTo(items.size());
        items = merge.result;
        endChange();
    }

    /** The new array, built from the old one: the old rows copied in runs, the inserted ones in their places. */
    private final class Merge {
        final List<SessionRow> old;
        final List<SessionRow> inserted;
        final int[] before;
        final List<SessionRow> result;
        int from; // the old rows before this one are done
        int next; // the next inserted row

        Merge(List<SessionRow> old, List<SessionRow> inserted, int[] before) {
            this.old = old;
            this.inserted = inserted;
            this.before = before;
            this.result = new ArrayList<>(old.size() + inserted.size());
        }

        /** Copies the old rows up to (without) {@code index}, each inserted row placed before it on the way. */
        void advanceTo(int index) {
            while (next < inserted.size() && before[next] <= index) {
                copyTo(before[next]);
                result.add(inserted.get(next++));
                nextAdd(result.size() - 1, result.size());
            }
            copyTo(index);
        }

        private void copyTo(int to) {
            if (to > from) {
                result.addAll(old.subList(from, to));
                from = to;
            }
        }
    }

    /** One batch: rows replaced or removed at their index in the list as it is, rows inserted by the order. */
    static final class Edits {
        private final Comparator<SessionRow> order;
        /** Old index to its replacement, or to null: removed. */
        private final TreeMap<Integer, SessionRow> at = new TreeMap<>();
        private final List<SessionRow> inserted = new ArrayList<>();

        private Edits(Comparator<SessionRow> order) {
            this.order = order;
        }

        /** The row at {@code index} becomes {@code row}, in its place (its sort key must be the same). */
        void replace(int index, SessionRow row) {
            at.put(index, row);
        }

        void remove(int index) {
            at.put(index, null);
        }

        /** A row that is not in the list, placed by the order. */
        void insert(SessionRow row) {
            inserted.add(row);
        }
    }
}

package com.sessiondesk.client.sessions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Keeps the reader's place in the Active Sessions table across a reload: the selected session
 * stays selected (or, when it ended, the row that took its place is selected); at the top of the
 * list the view stays at the top (new sessions come into view), elsewhere the same session stays
 * the first one shown.
 */
final class RowPosition {

    private final TableView<SessionRow> table;
    private String selectedId;
    private Set<String> otherSelectedIds = Set.of();
    private int selectedIndex = -1;
    private String topId;
    private boolean atTop;

    RowPosition(TableView<SessionRow> table) {
        this.table = table;
    }

    void remember(List<SessionRow> shown) {
        SessionRow selected = table.getSelectionModel().getSelectedItem();
        selectedId = selected == null ? null : selected.id();
        selectedIndex = table.getSelectionModel().getSelectedIndex();
        Set<String> others = new HashSet<>();
        for (SessionRow row : table.getSelectionModel().getSelectedItems()) {
            if (row != null && !row.id().equals(selectedId)) {
                others.add(row.id());
            }
        }
        otherSelectedIds = others;
        topId = null;
        atTop = true;
        if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            if (first != null && first.getIndex() > 0 && first.getIndex() < shown.size()) {
                topId = shown.get(first.getIndex()).id();
                atTop = false;
            }
        }
    }

    /**
     * Puts the selection and the top row back.
     *
     * @param indexOf where a session is among the shown rows now (-1: not shown); a lookup, not a walk over the rows
     */
    void restore(List<SessionRow> shown, ToIntFunction<String> indexOf) {
        int top = topId == null ? -1 : indexOf.applyAsInt(topId);
        int selected = selectedId == null ? -1 : indexOf.applyAsInt(selectedId);
        List<Integer> others = new ArrayList<>();
        for (String id : otherSelectedIds) {
            int at = indexOf.applyAsInt(id);
            if (at >= 0) {
                others.add(at);
            }
        }
        Collections.sort(others);
        if (selected < 0 && selectedId != null && selectedIndex >= 0 && !shown.isEmpty()) {
            selected = Math.min(selectedIndex, shown.size() - 1); // the row that took the ended one's place
        }
        if (!others.isEmpty()) { // a multi-selection stays whole; the focused row is selected last
            if (selected >= 0) {
                others.add(selected);
            }
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().selectIndices(others.get(0), others.stream().skip(1).mapToInt(Integer::intValue).toArray());
        } else if (selected >= 0) {
            table.getSelectionModel().clearAndSelect(selected);
            table.getFocusModel().focus(selected);
        }
        if (atTop) {
            table.scrollTo(0);
        } else if (top >= 0) {
            table.scrollTo(top);
        }
    }
}

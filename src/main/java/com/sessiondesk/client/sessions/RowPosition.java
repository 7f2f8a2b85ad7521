package com.sessiondesk.client.sessions;

import java.util.List;
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

    void restore(List<SessionRow> shown) {
        int top = -1;
        int selected = -1;
        for (int i = 0; i < shown.size() && (top < 0 || selected < 0); i++) {
            String id = shown.get(i).id();
            if (id.equals(topId)) {
                top = i;
            }
            if (id.equals(selectedId)) {
                selected = i;
            }
        }
        if (selected < 0 && selectedId != null && selectedIndex >= 0 && !shown.isEmpty()) {
            selected = Math.min(selectedIndex, shown.size() - 1); // the row that took the ended one's place
        }
        if (selected >= 0) {
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

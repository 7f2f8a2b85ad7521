package com.sessiondesk.client.common;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The column chooser of a table (its menu button) with the admin's choice remembered in the
 * client settings; columns never chosen keep the visibility the view gave them. A column marked
 * {@link #alwaysShown} (a row's actions) is named in the chooser but cannot be hidden, and a hidden
 * state remembered for it (by an older client) is ignored.
 */
public final class ColumnMemory {

    private static final String ALWAYS_SHOWN = "sessiondesk.alwaysShown";

    private final ClientSettings settings;
    private final TaskRunner runner;

    public ColumnMemory(ClientSettings settings, TaskRunner runner) {
        this.settings = settings;
        this.runner = runner;
    }

    /** Marks a column that always shows (the row's actions: hiding it would lose them). */
    public static void alwaysShown(TableColumn<?, ?> column) {
        column.getProperties().put(ALWAYS_SHOWN, Boolean.TRUE);
    }

    private static boolean isAlwaysShown(TableColumn<?, ?> column) {
        return Boolean.TRUE.equals(column.getProperties().get(ALWAYS_SHOWN)) || column.getText() == null
                || column.getText().isBlank();
    }

    /** Shows the menu button, applies what was remembered for {@code tableName} and remembers changes. */
    public void install(TableView<?> table, String tableName) {
        table.setTableMenuButtonVisible(true);
        Set<String> hidden = settings.hiddenColumns(tableName);
        for (TableColumn<?, ?> column : table.getColumns()) {
            if (isAlwaysShown(column)) {
                column.setVisible(true);
                // unticked in the chooser, it ticks itself again: the column's actions stay reachable
                column.visibleProperty().addListener((obs, was, now) -> {
                    if (!now) {
                        column.setVisible(true);
                    }
                });
                continue;
            }
            if (hidden != null && column.getId() != null) {
                column.setVisible(!hidden.contains(column.getId()));
            }
            column.visibleProperty().addListener((obs, was, now) -> save(table, tableName));
        }
    }

    private void save(TableView<?> table, String tableName) {
        Set<String> hidden = new LinkedHashSet<>();
        for (TableColumn<?, ?> column : table.getColumns()) {
            if (!column.isVisible() && column.getId() != null && !isAlwaysShown(column)) {
                hidden.add(column.getId());
            }
        }
        runner.run(() -> {
            settings.saveHiddenColumns(tableName, hidden);
            return null;
        }, ignored -> { }, error -> { }); // a preference that cannot be written is not worth a message
    }
}

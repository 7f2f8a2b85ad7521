package com.sessiondesk.client.common;

import java.util.LinkedHashSet;
import java.util.Set;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * The column chooser of a table (its menu button) with the admin's choice remembered in the
 * client settings; columns never chosen keep the visibility the view gave them.
 */
public final class ColumnMemory {

    private final ClientSettings settings;
    private final TaskRunner runner;

    public ColumnMemory(ClientSettings settings, TaskRunner runner) {
        this.settings = settings;
        this.runner = runner;
    }

    /** Shows the menu button, applies what was remembered for {@code tableName} and remembers changes. */
    public void install(TableView<?> table, String tableName) {
        table.setTableMenuButtonVisible(true);
        Set<String> hidden = settings.hiddenColumns(tableName);
        for (TableColumn<?, ?> column : table.getColumns()) {
            if (hidden != null && column.getId() != null && !column.getText().isBlank()) {
                column.setVisible(!hidden.contains(column.getId()));
            }
            column.visibleProperty().addListener((obs, was, now) -> save(table, tableName));
        }
    }

    private void save(TableView<?> table, String tableName) {
        Set<String> hidden = new LinkedHashSet<>();
        for (TableColumn<?, ?> column : table.getColumns()) {
            if (!column.isVisible() && column.getId() != null) {
                hidden.add(column.getId());
            }
        }
        runner.run(() -> {
            settings.saveHiddenColumns(tableName, hidden);
            return null;
        }, ignored -> { }, error -> { }); // a preference that cannot be written is not worth a message
    }
}

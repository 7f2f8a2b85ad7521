package com.sessiondesk.client.sessions;

import com.sessiondesk.client.common.Cells;
import com.sessiondesk.client.common.ColumnMemory;
import com.sessiondesk.client.common.Columns;
import com.sessiondesk.client.common.Icons;
import com.sessiondesk.client.common.Messages;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;

/**
 * The columns of the Active Sessions table: one per {@link SessionColumn} with its cells, order,
 * widths and whether it shows at first, then the row's log-out button.
 */
final class SessionColumns {

    private SessionColumns() {
    }

    /**
     * Adds the columns to {@code table}.
     *
     * @param fullValue the table's one tooltip for the full value of a cut cell
     * @param logoutTooltip the log-out button's tooltip
     * @param logOut what the row's log-out button does
     * @return the Last seen column (the table's first order, newest first)
     */
    static TableColumn<SessionRow, SessionRow> addTo(TableView<SessionRow> table, SessionsViewModel viewModel,
                                                     Tooltip fullValue, Tooltip logoutTooltip, Consumer<SessionRow> logOut) {
        TableColumn<SessionRow, SessionRow> lastSeen = null;
        for (SessionColumn column : SessionColumn.values()) {
            TableColumn<SessionRow, SessionRow> tableColumn = dataColumn(column, viewModel, fullValue);
            if (column == SessionColumn.LAST_SEEN) {
                tableColumn.setSortType(TableColumn.SortType.DESCENDING);
                lastSeen = tableColumn;
            }
            table.getColumns().add(tableColumn);
        }
        table.getColumns().add(actions(logoutTooltip, logOut));
        return lastSeen;
    }

    private static TableColumn<SessionRow, SessionRow> dataColumn(SessionColumn column, SessionsViewModel viewModel,
                                                                  Tooltip fullValue) {
        TableColumn<SessionRow, SessionRow> tableColumn = new TableColumn<>(column.header());
        tableColumn.setId(column.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-column");
        Columns.value(tableColumn, row -> row);
        Columns.exportAs(tableColumn, row -> SessionTexts.exportText(column, row));
        tableColumn.setCellFactory(Cells.text(row -> SessionTexts.cellText(column, row, viewModel.now()),
                row -> SessionTexts.fullText(column, row, viewModel.now()),
                row -> SessionTexts.badge(column, row), fullValue,
                column.dependsOnNow() ? viewModel.nowProperty() : null));
        tableColumn.setComparator(column.order());
        tableColumn.setUserData(column);
        tableColumn.setPrefWidth(prefWidth(column));
        tableColumn.setMinWidth(minWidth(column));
        tableColumn.setVisible(column != SessionColumn.ADDRESS); // shown through the column chooser
        return tableColumn;
    }

    static double prefWidth(SessionColumn column) {
        return switch (column) {
            case USERNAME, NAME, LOGIN_TIME -> 150;
            case DEVICE -> 230;
            case APPLICATION -> 210;
            case LANGUAGE -> 100;
            case LAST_SEEN -> 190;
            case ADDRESS -> 140;
        };
    }

    /** The times keep their time of day down to a 1024-wide window; the texts give way first. */
    static double minWidth(SessionColumn column) {
        return switch (column) {
            case LOGIN_TIME -> 148;
            case LAST_SEEN -> 168;
            case LANGUAGE -> 64;
            default -> 80;
        };
    }

    /** The row's log-out button, in a narrow column of its own. */
    private static TableColumn<SessionRow, SessionRow> actions(Tooltip logoutTooltip, Consumer<SessionRow> logOut) {
        // Named (the column chooser lists it, screen readers say it); its header shows the icon only.
        TableColumn<SessionRow, SessionRow> actions = new TableColumn<>(Messages.get("sessions.column.logout"));
        actions.setGraphic(Icons.of("logout"));
        ColumnMemory.alwaysShown(actions);
        actions.setId("actions-column");
        actions.setSortable(false);
        actions.setReorderable(false);
        actions.setPrefWidth(56);
        actions.setMinWidth(56);
        actions.setMaxWidth(56);
        actions.setResizable(false);
        actions.setStyle("-fx-alignment: CENTER;");
        Columns.value(actions, row -> row);
        actions.setCellFactory(Cells.buttons(List.of(new Cells.RowButton<SessionRow>(null, "logout",
                "logout-button button-icon flat danger", logoutTooltip,
                row -> Messages.format("sessions.logout.accessible", row.username(), row.device()), row -> true,
                logOut))));
        return actions;
    }
}

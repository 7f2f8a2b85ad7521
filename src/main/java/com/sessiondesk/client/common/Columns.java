package com.sessiondesk.client.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Typed cell values for table columns (lambdas, never PropertyValueFactory strings). */
public final class Columns {

    private static final String EXPORT_TEXT = "sessiondesk.exportText";

    private Columns() {
    }

    public static <S, T> void value(TableColumn<S, T> column, Function<S, T> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }

    /** What a CSV export writes for this column (times as ISO 8601, not as the cell shows them). */
    public static <S> void exportAs(TableColumn<S, ?> column, Function<S, String> text) {
        column.getProperties().put(EXPORT_TEXT, text);
    }

    /** The exportable columns the table shows, in the order it shows them, with their headers. */
    @SuppressWarnings("unchecked")
    public static <S> List<ExportColumn<S>> shownForExport(TableView<S> table) {
        List<ExportColumn<S>> columns = new ArrayList<>();
        for (TableColumn<S, ?> column : table.getVisibleLeafColumns()) {
            Object text = column.getProperties().get(EXPORT_TEXT);
            if (text instanceof Function<?, ?> function) {
                columns.add(new ExportColumn<>(column.getText(), (Function<S, String>) function));
            }
        }
        return columns;
    }
}

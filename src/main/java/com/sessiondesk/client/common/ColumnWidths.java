package com.sessiondesk.client.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * A table's column widths grow with the text ({@link TextSize}): each column's minimum, preferred
 * and maximum width, as the view set them for 100 %, times the text size; and with larger text a
 * column is never narrower than its preferred width (a table that shares out its width would
 * otherwise squeeze the larger text into the same room, and hide the columns past its edge).
 * Larger text then keeps badges and row buttons whole, and a table wider than its window scrolls
 * sideways (it stops sharing out its width) instead of cutting every value to "…".
 */
public final class ColumnWidths {

    private static final String BASE = ColumnWidths.class.getName() + ".base";
    private static final String POLICY = ColumnWidths.class.getName() + ".policy";

    private ColumnWidths() {
    }

    /** Call after the view set its columns' widths; the table then follows every later change of text size. */
    public static void followTextSize(TableView<?> table) {
        InvalidationListener scale = o -> scale(table);
        table.getProperties().put(ColumnWidths.class, scale); // the table holds its listener; the text size only weakly
        Theme.textSizeProperty().addListener(new WeakInvalidationListener(scale));
        scale(table);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void scale(TableView<?> table) {
        double factor = Theme.textSize().percent() / 100.0;
        Object policy = table.getProperties().computeIfAbsent(POLICY, key -> table.getColumnResizePolicy());
        table.setColumnResizePolicy(factor > 1 ? (javafx.util.Callback) TableView.UNCONSTRAINED_RESIZE_POLICY
                : (javafx.util.Callback) policy);
        for (TableColumn<?, ?> column : leaves(table.getColumns())) {
            double[] base = (double[]) column.getProperties().computeIfAbsent(BASE,
                    key -> new double[] {column.getMinWidth(), column.getPrefWidth(), column.getMaxWidth()});
            column.setMinWidth((factor > 1 ? Math.max(base[0], base[1]) : base[0]) * factor);
            column.setPrefWidth(base[1] * factor);
            column.setMaxWidth(base[2] >= 5000 ? base[2] : base[2] * factor); // "no maximum" stays so
        }
    }

    private static List<TableColumn<?, ?>> leaves(List<? extends TableColumn<?, ?>> columns) {
        List<TableColumn<?, ?>> leaves = new ArrayList<>();
        for (TableColumn<?, ?> column : columns) {
            if (column.getColumns().isEmpty()) {
                leaves.add(column);
            } else {
                leaves.addAll(leaves(column.getColumns()));
            }
        }
        return leaves;
    }
}

package com.sessiondesk.client.common;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

/** Typed cell values for table columns (lambdas, never PropertyValueFactory strings). */
public final class Columns {

    private Columns() {
    }

    public static <S, T> void value(TableColumn<S, T> column, Function<S, T> value) {
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
    }
}

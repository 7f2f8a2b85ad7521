package com.sessiondesk.client.common;

import java.time.Instant;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.StatusBar;

/**
 * The skeleton a list view shares (History, User Accounts, Alerts): count, status, loading mask,
 * refresh, placeholder, and the usual columns (texts, times) with their full value in a tooltip.
 */
public final class ListViews {

    private ListViews() {
    }

    /**
     * Binds the view's common parts to its view model.
     *
     * @param loadingText what the mask says while the first rows load
     */
    public static <T> void bind(ListViewModel<T> viewModel, TableView<T> table, Label count, StatusBar statusBar,
                                MaskerPane masker, ErrorBanner errorBanner, Button refresh, String loadingText) {
        StatusBinder.bind(viewModel.state(), statusBar, errorBanner, viewModel::refresh);
        StatusBinder.mask(masker, Bindings.createBooleanBinding(
                () -> viewModel.state().isLoading() && viewModel.shown().isEmpty(),
                viewModel.state().loadingProperty(), viewModel.shown()), loadingText);
        bindTable(viewModel, table, count, refresh);
    }

    /** The count, Refresh, the stripes and the placeholder (a second list of a view, without status bar or mask). */
    public static <T> void bindTable(ListViewModel<T> viewModel, TableView<T> table, Label count, Button refresh) {
        count.textProperty().bind(viewModel.countTextProperty());
        refresh.setOnAction(e -> viewModel.refresh());
        table.getStyleClass().add("striped");
        HeaderTips.install(table);
        ColumnWidths.followTextSize(table);
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.placeholderTextProperty());
        table.setPlaceholder(placeholder);
    }

    /** Text columns: a cut text shows whole in the table's one tooltip. */
    public static <S> void textColumns(Tooltip fullValue, List<TableColumn<S, String>> columns) {
        for (TableColumn<S, String> column : columns) {
            column.setCellFactory(Cells.text(text -> text, null, text -> null, fullValue));
        }
    }

    /** A time column: compact ("3:04 PM" today, "Nov 12, 1:27 PM" this year), the full date and time in the tooltip. */
    public static <S> void timeColumn(TableColumn<S, Instant> column, Tooltip fullValue) {
        column.setCellFactory(Cells.text(at -> Formats.compactDateTime(at, Instant.now()), Formats::dateTime,
                at -> null, fullValue));
    }

    /**
     * Every named header of the table shows its name whole in a tooltip: a narrow window or a long
     * Spanish name may cut a header to "Bloquea…". Installed on the headers the skin makes, again
     * when the columns change (a header moved by drag is made anew).
     */
    public static void headerTooltips(TableView<?> table) {
        HeaderTips.install(table);
    }
}

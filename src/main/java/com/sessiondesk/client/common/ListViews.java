package com.sessiondesk.client.common;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.StatusBar;

/** The skeleton a list view shares (History, User Accounts): count, status, loading mask, refresh, placeholder. */
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
        count.textProperty().bind(viewModel.countTextProperty());
        StatusBinder.bind(viewModel.state(), statusBar, errorBanner, viewModel::refresh);
        StatusBinder.mask(masker, Bindings.createBooleanBinding(
                () -> viewModel.state().isLoading() && viewModel.shown().isEmpty(),
                viewModel.state().loadingProperty(), viewModel.shown()), loadingText);
        refresh.setOnAction(e -> viewModel.refresh());
        table.getStyleClass().add("striped");
        HeaderTips.install(table);
        ColumnWidths.followTextSize(table);
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.placeholderTextProperty());
        table.setPlaceholder(placeholder);
    }
}

package com.sessiondesk.client.history;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.client.common.ErrorBanner;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.Columns;
import com.sessiondesk.client.common.Fxml;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.StatusBinder;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.StatusBar;

/** Binds fxml/history.fxml to the {@link HistoryViewModel}. */
public final class HistoryController {

    @FXML private Label auditCountLabel;
    @FXML private StatusBar statusBar;
    @FXML private MaskerPane masker;
    @FXML private ErrorBanner errorBanner;
    @FXML private TextField auditUserFilter;
    @FXML private Button historyRefreshButton;
    @FXML private TableView<AuditEvent> auditTable;
    @FXML private TableColumn<AuditEvent, String> timeColumn;
    @FXML private TableColumn<AuditEvent, String> actorColumn;
    @FXML private TableColumn<AuditEvent, String> actionColumn;
    @FXML private TableColumn<AuditEvent, String> userColumn;
    @FXML private TableColumn<AuditEvent, String> countColumn;
    @FXML private TableColumn<AuditEvent, String> reasonColumn;

    private final HistoryViewModel viewModel;
    private final Parent root;

    public HistoryController(HistoryViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load("/fxml/history.fxml", this);
    }

    @FXML
    private void initialize() {
        auditCountLabel.textProperty().bind(viewModel.countTextProperty());
        StatusBinder.bind(viewModel.state(), statusBar, errorBanner, viewModel::refresh);
        StatusBinder.mask(masker, Bindings.createBooleanBinding(
                () -> viewModel.state().isLoading() && viewModel.shown().isEmpty(),
                viewModel.state().loadingProperty(), viewModel.shown()), Messages.get("history.loading"));
        auditUserFilter.textProperty().bindBidirectional(viewModel.userFilterProperty());
        historyRefreshButton.setOnAction(e -> viewModel.refresh());
        auditTable.getStyleClass().add("striped");
        auditTable.setPlaceholder(new Label(Messages.get("history.placeholder")));
        Columns.value(timeColumn, event -> Formats.dateTime(event.at()));
        Columns.value(actorColumn, AuditEvent::actor);
        Columns.value(actionColumn, HistoryViewModel::describe);
        Columns.value(userColumn, AuditEvent::username);
        Columns.value(countColumn, event -> event.sessionIds() == null || event.sessionIds().isEmpty()
                ? "" : String.valueOf(event.sessionIds().size()));
        Columns.value(reasonColumn, AuditEvent::reason);
        auditTable.setItems(viewModel.shown());
    }

    public Parent root() {
        return root;
    }

    public void focusSearch() {
        auditUserFilter.requestFocus();
        auditUserFilter.selectAll();
    }
}

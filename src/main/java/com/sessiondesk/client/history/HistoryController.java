package com.sessiondesk.client.history;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.client.common.Cells;
import com.sessiondesk.client.common.ErrorBanner;
import com.sessiondesk.client.common.ListViews;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.Columns;
import com.sessiondesk.client.common.DeliveryTexts;
import com.sessiondesk.client.common.Fxml;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.export.Exporter;
import java.time.Instant;
import java.util.List;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.StatusBar;
import javafx.scene.control.Tooltip;
import javafx.stage.Window;
import javafx.util.Duration;

/** Binds fxml/history.fxml to the {@link HistoryViewModel}. */
public final class HistoryController {

    @FXML private Label auditCountLabel;
    @FXML private StatusBar statusBar;
    @FXML private MaskerPane masker;
    @FXML private ErrorBanner errorBanner;
    @FXML private TextField auditUserFilter;
    @FXML private CheckBox securityOnlyCheckBox;
    @FXML private Button historyRefreshButton;
    @FXML private Button exportButton;
    @FXML private TableView<AuditEvent> auditTable;
    @FXML private TableColumn<AuditEvent, Instant> timeColumn;
    @FXML private TableColumn<AuditEvent, String> actorColumn;
    @FXML private TableColumn<AuditEvent, String> actionColumn;
    @FXML private TableColumn<AuditEvent, String> userColumn;
    @FXML private TableColumn<AuditEvent, String> nameColumn;
    @FXML private TableColumn<AuditEvent, String> addressColumn;
    @FXML private TableColumn<AuditEvent, Integer> attemptsColumn;
    @FXML private TableColumn<AuditEvent, Integer> countColumn;
    @FXML private TableColumn<AuditEvent, String> deviceColumn;
    @FXML private TableColumn<AuditEvent, String> reasonColumn;
    @FXML private TableColumn<AuditEvent, AuditEvent> deliveryColumn;
    private final Tooltip fullValueTooltip = new Tooltip();

    private final HistoryViewModel viewModel;
    private final Exporter exporter;
    private final Parent root;
    /** An export waits for the remaining pages: a second click does not start another. */
    private boolean exportPending;

    public HistoryController(HistoryViewModel viewModel, Exporter exporter) {
        this.viewModel = viewModel;
        this.exporter = exporter;
        this.root = Fxml.load("/fxml/history.fxml", this);
    }

    @FXML
    private void initialize() {
        ListViews.bind(viewModel, auditTable, auditCountLabel, statusBar, masker, errorBanner, historyRefreshButton,
                Messages.get("history.loading"));
        auditUserFilter.textProperty().bindBidirectional(viewModel.userFilterProperty());
        securityOnlyCheckBox.selectedProperty().bindBidirectional(viewModel.securityOnlyProperty());
        Columns.value(timeColumn, AuditEvent::at); // sorts as time
        // Compact ("Nov 12, 1:27 PM"), the full date and time in the tooltip
        timeColumn.setCellFactory(Cells.text(at -> Formats.compactDateTime(at, Instant.now()), Formats::dateTime, at -> null,
                fullValueTooltip));
        Columns.value(actorColumn, HistoryViewModel::adminOf);
        Columns.value(actionColumn, HistoryViewModel::describe);
        Columns.value(userColumn, AuditEvent::username);
        Columns.value(nameColumn, viewModel::nameOf);
        Columns.value(countColumn, HistoryViewModel::sessionCountOf);
        countColumn.setCellFactory(Cells.text(String::valueOf, null, n -> null, null));
        Columns.value(addressColumn, HistoryViewModel::addressOf);
        Columns.value(attemptsColumn, HistoryViewModel::attemptsOf);
        attemptsColumn.setCellFactory(Cells.text(String::valueOf, null, n -> null, null));
        // Actions show what they ended and who was told; security events where they came from and how often.
        var security = viewModel.securityOnlyProperty();
        addressColumn.visibleProperty().bind(security);
        attemptsColumn.visibleProperty().bind(security);
        countColumn.visibleProperty().bind(security.not());
        deviceColumn.visibleProperty().bind(security.not());
        deliveryColumn.visibleProperty().bind(security.not());
        Columns.value(deviceColumn, viewModel::devicesOf);
        Columns.value(reasonColumn, HistoryViewModel::reasonText);
        // Delivery: how many devices were told; per session when, in the tooltip. Reloads
        // every 2 s while a recent action still waits for a device, so it updates live.
        Columns.value(deliveryColumn, event -> event);
        deliveryColumn.setCellFactory(Cells.text(DeliveryTexts::summary,
                event -> viewModel.deliveryDetails(event, Instant.now()), event -> null, fullValueTooltip));
        Timeline live = new Timeline();
        live.getKeyFrames().add(new KeyFrame(Duration.seconds(2), e -> {
            Window window = auditTable.getScene() == null ? null : auditTable.getScene().getWindow();
            if (window == null || !window.isShowing()) {
                live.stop(); // the window closed: this view is done
            } else if (shown(auditTable) && viewModel.waitingForDevices()) {
                viewModel.refresh();
            }
        }));
        live.setCycleCount(Animation.INDEFINITE);
        live.play();
        for (TableColumn<AuditEvent, String> column : List.of(actorColumn, actionColumn, userColumn, nameColumn,
                addressColumn, deviceColumn, reasonColumn)) {
            column.setCellFactory(Cells.text(text -> text, null, text -> null, fullValueTooltip));
        }
        // Header clicks sort a sorted view of the filtered list (newest first until then).
        SortedList<AuditEvent> sorted = new SortedList<>(viewModel.shown());
        sorted.comparatorProperty().bind(auditTable.comparatorProperty());
        auditTable.setItems(sorted);
        // The next page loads when the table shows its last row, or when a search matches none of
        // the rows loaded so far (it goes on through the older pages).
        auditTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(AuditEvent event, boolean empty) {
                super.updateItem(event, empty);
                if (!empty && getIndex() >= getTableView().getItems().size() - 1) {
                    viewModel.loadMore();
                }
            }
        });
        viewModel.shown().addListener((ListChangeListener<AuditEvent>) change -> searchOlderIfNoneMatch());
        viewModel.hasMoreProperty().addListener((obs, old, more) -> searchOlderIfNoneMatch());
        Columns.exportAs(timeColumn, event -> event.at() == null ? "" : event.at().toString());
        Columns.exportAs(actorColumn, HistoryViewModel::adminOf);
        Columns.exportAs(actionColumn, HistoryViewModel::describe);
        Columns.exportAs(userColumn, AuditEvent::username);
        Columns.exportAs(nameColumn, viewModel::nameOf);
        Columns.exportAs(countColumn, event -> text(HistoryViewModel.sessionCountOf(event)));
        Columns.exportAs(addressColumn, HistoryViewModel::addressOf);
        Columns.exportAs(attemptsColumn, event -> text(HistoryViewModel.attemptsOf(event)));
        Columns.exportAs(deliveryColumn, DeliveryTexts::summary);
        Columns.exportAs(deviceColumn, viewModel::devicesOf);
        Columns.exportAs(reasonColumn, AuditEvent::reason);
        exportButton.setOnAction(e -> export());
        exportButton.disableProperty().bind(exporter.busyProperty());
    }

    private static String text(Integer number) {
        return number == null ? "" : String.valueOf(number);
    }

    private void searchOlderIfNoneMatch() {
        String search = viewModel.userFilterProperty().get();
        if (viewModel.shown().isEmpty() && viewModel.hasMoreProperty().get() && search != null && !search.isBlank()) {
            viewModel.loadMore();
        }
    }

    /**
     * Ctrl+E: every event the filter matches (the older pages are loaded first; the count grows as
     * they arrive), in the shown order, to a CSV file.
     */
    public void export() {
        if (exportPending) {
            return;
        }
        exportPending = true;
        viewModel.loadAll(() -> {
            exportPending = false;
            exporter.export(Messages.get("export.kind.event"), Messages.get("export.kind.events"), "history.csv",
                    auditTable.getItems(), Columns.shownForExport(auditTable));
        }, () -> exportPending = false);
    }

    /** Visible with all its parents (the History tab is selected). */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    public Parent root() {
        return root;
    }

    public void focusSearch() {
        auditUserFilter.requestFocus();
        auditUserFilter.selectAll();
    }
}

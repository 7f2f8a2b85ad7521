package com.sessiondesk.client.sessions;

import com.sessiondesk.client.common.Cells;
import com.sessiondesk.client.common.Choices;
import com.sessiondesk.client.common.Columns;
import com.sessiondesk.client.common.ErrorBanner;
import com.sessiondesk.client.common.Fxml;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.StatusBinder;
import java.util.List;
import java.util.Locale;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.StatusBar;

/** Binds fxml/sessions.fxml to the {@link SessionsViewModel}; builds the seven columns. */
public final class SessionsController {

    @FXML private Label sessionCountLabel;
    @FXML private StatusBar statusBar;
    @FXML private MaskerPane masker;
    @FXML private ErrorBanner errorBanner;
    @FXML private TextField searchField;
    @FXML private CheckComboBox<String> applicationFilter;
    @FXML private CheckComboBox<String> languageFilter;
    @FXML private Button refreshButton;
    @FXML private TableView<SessionRow> sessionsTable;
    @FXML private Tooltip logoutTooltip;

    private static final double ROW_HEIGHT = 38;
    private static final PseudoClass FRESH = PseudoClass.getPseudoClass("fresh");

    /** The table's one tooltip for the full value of a cut cell. */
    private final Tooltip fullValueTooltip = new Tooltip();
    private final PauseTransition freshHighlight = new PauseTransition(javafx.util.Duration.seconds(5));
    private final SessionsViewModel viewModel;
    private final Parent root;
    private final Label placeholder = new Label();
    private RowPosition position;

    public SessionsController(SessionsViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load("/fxml/sessions.fxml", this);
    }

    @FXML
    private void initialize() {
        sessionCountLabel.textProperty().bind(viewModel.countTextProperty());
        StatusBinder.bind(viewModel.state(), statusBar, errorBanner, viewModel::refresh);
        StatusBinder.mask(masker, Bindings.createBooleanBinding(
                () -> viewModel.state().isLoading() && viewModel.rows().isEmpty(),
                viewModel.state().loadingProperty(), viewModel.rows()), Messages.get("sessions.loading"));
        searchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        Choices.bind(applicationFilter, viewModel.applications(), viewModel.chosenApplications(),
                Messages.get("sessions.filter.allApplications"));
        Choices.bind(languageFilter, viewModel.languages(), viewModel.chosenLanguages(),
                Messages.get("sessions.filter.allLanguages"));
        refreshButton.setOnAction(e -> viewModel.refresh());
        placeholder.textProperty().bind(viewModel.placeholderTextProperty());
        placeholder.getStyleClass().add("table-placeholder");
        placeholder.setWrapText(true);
        buildTable();
        position = new RowPosition(sessionsTable);
        viewModel.setRowsReplacedHooks(() -> position.remember(viewModel.shown()), this::afterRowsReplaced);
        viewModel.nowProperty().addListener((obs, old, now) -> sessionsTable.refresh());
        freshHighlight.setOnFinished(e -> {
            viewModel.clearFresh();
            sessionsTable.refresh();
        });
    }

    private void afterRowsReplaced() {
        position.restore(viewModel.shown());
        if (viewModel.hasFresh()) {
            freshHighlight.playFromStart();
        }
    }

    private void buildTable() {
        sessionsTable.setPlaceholder(placeholder);
        sessionsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // Every row has the same height: the table need not measure rows (100,000 rows stay fast).
        sessionsTable.setFixedCellSize(ROW_HEIGHT);
        sessionsTable.getStyleClass().add("striped");
        sessionsTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(SessionRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(FRESH, !empty && row != null && viewModel.isFresh(row.id()));
            }
        });
        TableColumn<SessionRow, SessionRow> lastSeen = null;
        for (SessionColumn column : SessionColumn.values()) {
            TableColumn<SessionRow, SessionRow> tableColumn = new TableColumn<>(column.header());
            tableColumn.setId(column.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-column");
            Columns.value(tableColumn, row -> row);
            tableColumn.setCellFactory(Cells.text(row -> SessionTexts.cellText(column, row, viewModel.now()),
                    row -> SessionTexts.fullText(column, row, viewModel.now()),
                    row -> SessionTexts.badge(column, row), fullValueTooltip));
            tableColumn.setComparator(column.order());
            tableColumn.setUserData(column);
            tableColumn.setPrefWidth(switch (column) {
                case USERNAME -> 150;
                case NAME -> 150;
                case DEVICE -> 230;
                case APPLICATION -> 210;
                case LANGUAGE -> 100;
                case LOGIN_TIME -> 150;
                case LAST_SEEN -> 190;
            });
            // The times keep their time of day down to a 1024-wide window; the texts give way first.
            tableColumn.setMinWidth(switch (column) {
                case LOGIN_TIME -> 148;
                case LAST_SEEN -> 168;
                case LANGUAGE -> 64;
                default -> 80;
            });
            if (column == SessionColumn.LAST_SEEN) {
                tableColumn.setSortType(TableColumn.SortType.DESCENDING);
                lastSeen = tableColumn;
            }
            sessionsTable.getColumns().add(tableColumn);
        }
        TableColumn<SessionRow, SessionRow> actions = new TableColumn<>("");
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
                viewModel::logOut))));
        sessionsTable.getColumns().add(actions);

        // The view model sorts its rows under the filter, by the columns' own comparators (which a
        // reload can use in the background, unlike the table's comparator).
        sessionsTable.setItems(viewModel.shown());
        sessionsTable.setSortPolicy(table -> {
            viewModel.sortBy(SessionColumn.orderOf(table.getSortOrder()));
            return true;
        });
        sessionsTable.getSortOrder().add(lastSeen);
        // Row actions from the keyboard act on the selected row: Delete or Ctrl+L log out; Ctrl+B
        // opens the same dialog with Block ticked (README "Keyboard").
        sessionsTable.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            boolean delete = event.getCode() == KeyCode.DELETE;
            boolean ctrlL = event.getCode() == KeyCode.L && event.isShortcutDown();
            boolean ctrlB = event.getCode() == KeyCode.B && event.isShortcutDown();
            if (delete || ctrlL || ctrlB) {
                viewModel.logOut(sessionsTable.getSelectionModel().getSelectedItem(), ctrlB);
                event.consume();
            }
        });
    }

    public Parent root() {
        return root;
    }

    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }
}

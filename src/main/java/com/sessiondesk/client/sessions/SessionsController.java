package com.sessiondesk.client.sessions;

import com.sessiondesk.client.common.Choices;
import com.sessiondesk.client.common.Columns;
import com.sessiondesk.client.common.ErrorBanner;
import com.sessiondesk.client.common.Fxml;
import com.sessiondesk.client.common.Icons;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.StatusBinder;
import java.time.Duration;
import java.util.Comparator;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
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

    private static final double ROW_HEIGHT = 38;

    /** One tooltip for every row's log-out button (a tooltip is a window: not one per cell). */
    private final Tooltip logoutTooltip = new Tooltip(Messages.get("sessions.logout.tooltip"));

    private final SessionsViewModel viewModel;
    private final Duration refreshInterval;
    private final Parent root;
    private final Label placeholder = new Label();
    private String keepSelectedId;
    private String keepFirstVisibleId;

    public SessionsController(SessionsViewModel viewModel, Duration refreshInterval) {
        this.viewModel = viewModel;
        this.refreshInterval = refreshInterval;
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
        Choices.bind(applicationFilter, viewModel.applications(), viewModel.chosenApplications(), Messages.get("sessions.filter.allApplications"));
        Choices.bind(languageFilter, viewModel.languages(), viewModel.chosenLanguages(), Messages.get("sessions.filter.allLanguages"));
        refreshButton.setOnAction(e -> viewModel.refresh());
        placeholder.textProperty().bind(viewModel.placeholderTextProperty());
        placeholder.getStyleClass().add("table-placeholder");
        placeholder.setWrapText(true);
        buildTable();
        viewModel.setRowsReplacedHooks(this::rememberPosition, this::restorePosition);
        if (!refreshInterval.isZero() && !refreshInterval.isNegative()) {
            Timeline auto = new Timeline(new KeyFrame(javafx.util.Duration.millis(refreshInterval.toMillis()), e -> {
                if (!viewModel.state().isLoading()) {
                    viewModel.refresh();
                }
            }));
            auto.setCycleCount(Timeline.INDEFINITE);
            auto.play();
        }
    }

    private void buildTable() {
        sessionsTable.setPlaceholder(placeholder);
        sessionsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        // Every row has the same height: the table need not measure rows (100,000 rows stay fast).
        sessionsTable.setFixedCellSize(ROW_HEIGHT);
        sessionsTable.getStyleClass().add("striped");
        TableColumn<SessionRow, SessionRow> lastSeen = null;
        for (SessionColumn column : SessionColumn.values()) {
            TableColumn<SessionRow, SessionRow> tableColumn = new TableColumn<>(column.header());
            tableColumn.setId(column.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-column");
            Columns.value(tableColumn, row -> row);
            tableColumn.setCellFactory(c -> new SessionCell(column));
            tableColumn.setComparator(column.order());
            tableColumn.setUserData(column);
            tableColumn.setPrefWidth(switch (column) {
                case USERNAME -> 150;
                case NAME -> 150;
                case DEVICE -> 230;
                case APPLICATION -> 210;
                case LANGUAGE -> 110;
                case LOGIN_TIME -> 180;
                case LAST_SEEN -> 190;
            });
            tableColumn.setMinWidth(80);
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
        Columns.value(actions, row -> row);
        actions.setCellFactory(c -> new LogoutButtonCell());
        sessionsTable.getColumns().add(actions);

        // The view model sorts its rows under the filter, by the columns' own comparators (which a
        // reload can use in the background, unlike the table's comparator).
        sessionsTable.setItems(viewModel.shown());
        sessionsTable.setSortPolicy(table -> {
            viewModel.sortBy(orderOf(table));
            return true;
        });
        sessionsTable.getSortOrder().add(lastSeen);
        sessionsTable.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            // Delete / Ctrl+L: log out the selected row; Ctrl+B: the same with Block ticked
            boolean delete = event.getCode() == KeyCode.DELETE;
            boolean ctrlL = event.getCode() == KeyCode.L && event.isShortcutDown();
            boolean ctrlB = event.getCode() == KeyCode.B && event.isShortcutDown();
            if (delete || ctrlL || ctrlB) {
                viewModel.logOut(sessionsTable.getSelectionModel().getSelectedItem(), ctrlB);
                event.consume();
            }
        });
    }

    private static Comparator<SessionRow> orderOf(TableView<SessionRow> table) {
        Comparator<SessionRow> order = null;
        for (TableColumn<SessionRow, ?> column : table.getSortOrder()) {
            if (column.getUserData() instanceof SessionColumn sessionColumn) {
                Comparator<SessionRow> one = column.getSortType() == TableColumn.SortType.DESCENDING
                        ? sessionColumn.order().reversed() : sessionColumn.order();
                order = order == null ? one : order.thenComparing(one);
            }
        }
        return order;
    }

    private void rememberPosition() {
        SessionRow selected = sessionsTable.getSelectionModel().getSelectedItem();
        keepSelectedId = selected == null ? null : selected.id();
        keepFirstVisibleId = null;
        if (sessionsTable.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            if (first != null && first.getIndex() >= 0 && first.getIndex() < viewModel.shown().size()) {
                keepFirstVisibleId = viewModel.shown().get(first.getIndex()).id();
            }
        }
    }

    /** After a reload: the same session selected and the same session at the top, where they still exist. */
    private void restorePosition() {
        int top = -1;
        int selected = -1;
        var shown = viewModel.shown();
        for (int i = 0; i < shown.size() && (top < 0 || selected < 0); i++) {
            String id = shown.get(i).id();
            if (id.equals(keepFirstVisibleId)) {
                top = i;
            }
            if (id.equals(keepSelectedId)) {
                selected = i;
            }
        }
        if (selected >= 0) {
            sessionsTable.getSelectionModel().clearAndSelect(selected);
        }
        if (top >= 0) {
            sessionsTable.scrollTo(top);
        }
    }

    public Parent root() {
        return root;
    }

    public void focusSearch() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    /** A text cell of one of the seven columns, with its marker badge where the column has one. */
    private static final class SessionCell extends TableCell<SessionRow, SessionRow> {
        private final SessionColumn column;
        private final Label badge = new Label();

        SessionCell(SessionColumn column) {
            this.column = column;
            badge.getStyleClass().add("row-badge");
            setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
            setGraphicTextGap(8);
        }

        @Override
        protected void updateItem(SessionRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(SessionTexts.cellText(column, row, java.time.Instant.now()));
            SessionTexts.Badge marker = SessionTexts.badge(column, row);
            if (marker == null) {
                setGraphic(null);
            } else {
                badge.setText(marker.text());
                badge.setAccessibleText(SessionTexts.badgeDescription(column, row));
                badge.getStyleClass().setAll("row-badge", marker.styleClass());
                setGraphic(badge);
            }
        }
    }

    /** The log-out icon button of a row. */
    private final class LogoutButtonCell extends TableCell<SessionRow, SessionRow> {
        private final Button button = new Button();

        LogoutButtonCell() {
            button.setGraphic(Icons.of("logout"));
            button.getStyleClass().addAll("logout-button", "button-icon", "flat", "danger");
            button.setTooltip(logoutTooltip);
            button.setOnAction(e -> viewModel.logOut(getItem()));
            setAlignment(javafx.geometry.Pos.CENTER);
        }

        @Override
        protected void updateItem(SessionRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            button.setAccessibleText(Messages.format("sessions.logout.accessible", row.username(), row.device()));
            setGraphic(button);
        }
    }
}

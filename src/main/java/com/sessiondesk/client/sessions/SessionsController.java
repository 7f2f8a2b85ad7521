package com.sessiondesk.client.sessions;

import com.sessiondesk.client.common.ColumnMemory;
import com.sessiondesk.client.common.Columns;
import com.sessiondesk.client.common.ErrorBanner;
import com.sessiondesk.client.common.Fxml;
import com.sessiondesk.client.common.Icons;
import com.sessiondesk.client.common.StatusBinder;
import com.sessiondesk.client.export.Exporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Binds fxml/sessions.fxml to the {@link SessionsViewModel}; builds the columns; drives the live feed. */
public final class SessionsController {

    @FXML private Label sessionCountLabel;
    @FXML private ProgressIndicator loadingIndicator;
    @FXML private Label staleLabel;
    @FXML private Label updatedLabel;
    @FXML private ErrorBanner errorBanner;
    @FXML private TextField searchField;
    @FXML private ComboBox<String> applicationFilter;
    @FXML private Button refreshButton;
    @FXML private Label liveIndicator;
    @FXML private Button logoutSelectedButton;
    @FXML private Button endOldVersionsButton;
    @FXML private Button exportButton;
    @FXML private TableView<SessionRow> sessionsTable;

    private static final double ROW_HEIGHT = 38;

    /** One tooltip for every row's log-out button (a tooltip is a window: not one per cell). */
    private final Tooltip logoutTooltip = new Tooltip("Log out this session…");

    private final SessionsViewModel viewModel;
    private final Duration refreshInterval;
    private final Duration liveInterval;
    private final Exporter exporter;
    private final ColumnMemory columnMemory;
    private final Parent root;
    private final Label placeholder = new Label();
    private String keepSelectedId;
    private String keepFirstVisibleId;
    private Set<String> keepSelectedIds = Set.of();
    private boolean keepTop;
    private final List<Timeline> timers = new ArrayList<>();

    /**
     * @param refreshInterval full reloads while the table does not follow the feed (zero: never)
     * @param liveInterval how often the change feed is asked (zero: never)
     */
    public SessionsController(SessionsViewModel viewModel, Duration refreshInterval, Duration liveInterval,
            Exporter exporter, ColumnMemory columnMemory) {
        this.viewModel = viewModel;
        this.refreshInterval = refreshInterval;
        this.liveInterval = liveInterval;
        this.exporter = exporter;
        this.columnMemory = columnMemory;
        this.root = Fxml.load("/fxml/sessions.fxml", this);
    }

    @FXML
    private void initialize() {
        sessionCountLabel.textProperty().bind(viewModel.countTextProperty());
        StatusBinder.bind(viewModel.state(), loadingIndicator, staleLabel, updatedLabel, errorBanner, viewModel::refresh);
        searchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        applicationFilter.setItems(viewModel.applications());
        applicationFilter.valueProperty().bindBidirectional(viewModel.applicationFilterProperty());
        refreshButton.setOnAction(e -> viewModel.refresh());
        placeholder.textProperty().bind(viewModel.placeholderTextProperty());
        placeholder.getStyleClass().add("table-placeholder");
        placeholder.setWrapText(true);
        buildTable();
        viewModel.setRowsReplacedHooks(this::rememberPosition, this::restorePosition);
        if (!refreshInterval.isZero() && !refreshInterval.isNegative()) {
            every(refreshInterval, () -> {
                if (!viewModel.state().isLoading() && !viewModel.isLive()) {
                    viewModel.refresh();
                }
            });
        }
        if (!liveInterval.isZero() && !liveInterval.isNegative()) {
            every(liveInterval, viewModel::poll);
        }
        bindLiveIndicator();
        bindBulkTools();
        exportButton.setOnAction(e -> export());
        exportButton.disableProperty().bind(exporter.busyProperty());
    }

    private void every(Duration interval, Runnable action) {
        Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(interval.toMillis()), e -> action.run()));
        timeline.setCycleCount(Timeline.INDEFINITE);
        timeline.play();
        timers.add(timeline);
    }

    /** The window closes: no more reloads or feed requests. */
    public void stop() {
        timers.forEach(Timeline::stop);
    }

    /** "Live" in green while current; "Behind since 10:02: server unreachable" in amber; hidden without a feed. */
    private void bindLiveIndicator() {
        LiveFeed feed = viewModel.feed();
        liveIndicator.textProperty().bind(feed.textProperty());
        liveIndicator.visibleProperty().bind(feed.textProperty().isNotEmpty());
        liveIndicator.managedProperty().bind(liveIndicator.visibleProperty());
        feed.behindSinceProperty().addListener((obs, old, now) -> {
            liveIndicator.getStyleClass().removeAll("live-current", "live-behind");
            liveIndicator.getStyleClass().add(now == null ? "live-current" : "live-behind");
        });
        liveIndicator.getStyleClass().add("live-current");
    }

    /** Multi-selection, "Log out selected (N)" and "End old app-version sessions". */
    private void bindBulkTools() {
        var selected = sessionsTable.getSelectionModel().getSelectedItems();
        logoutSelectedButton.textProperty().bind(Bindings.createStringBinding(
                () -> "Log out selected (" + selected.size() + ")", selected));
        logoutSelectedButton.disableProperty().bind(Bindings.isEmpty(selected));
        logoutSelectedButton.setOnAction(e -> viewModel.logOutSessions("Log out selected sessions", new ArrayList<>(selected)));
        endOldVersionsButton.setOnAction(e -> endOldVersions());
    }

    /** Selects every superseded session (clearing the search and filter so all can show) and confirms. */
    public void endOldVersions() {
        List<SessionRow> old = viewModel.oldVersionRows();
        if (old.isEmpty()) {
            viewModel.logOutSessions("End old app-version sessions", old);
            return;
        }
        viewModel.clearFilters();
        select(old);
        viewModel.logOutSessions("End old app-version sessions", old);
    }

    private void select(List<SessionRow> wanted) {
        Set<String> ids = new HashSet<>();
        wanted.forEach(row -> ids.add(row.id()));
        List<Integer> indices = new ArrayList<>();
        var shown = viewModel.shown();
        for (int i = 0; i < shown.size(); i++) {
            if (ids.contains(shown.get(i).id())) {
                indices.add(i);
            }
        }
        var selection = sessionsTable.getSelectionModel();
        selection.clearSelection();
        if (!indices.isEmpty()) {
            int[] rest = indices.stream().skip(1).mapToInt(Integer::intValue).toArray();
            selection.selectIndices(indices.get(0), rest);
            sessionsTable.scrollTo(indices.get(0));
        }
    }

    /** Ctrl+E: the rows shown (search and filter applied, in the shown order), the columns shown. */
    public void export() {
        exporter.export("session", "sessions", "sessions.csv", viewModel.shown(), Columns.shownForExport(sessionsTable));
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
            Columns.exportAs(tableColumn, row -> SessionTexts.exportText(column, row));
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
                case ADDRESS -> 140;
            });
            tableColumn.setVisible(column != SessionColumn.ADDRESS); // shown through the column chooser
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
        sessionsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        columnMemory.install(sessionsTable, "sessions");

        // The view model sorts its rows under the filter, by the columns' own comparators (which a
        // reload can use in the background, unlike the table's comparator).
        sessionsTable.setItems(viewModel.shown());
        sessionsTable.setSortPolicy(table -> {
            viewModel.sortBy(orderOf(table));
            return true;
        });
        sessionsTable.getSortOrder().add(lastSeen);
        sessionsTable.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            boolean delete = event.getCode() == KeyCode.DELETE;
            boolean ctrlL = event.getCode() == KeyCode.L && event.isShortcutDown();
            if (delete || ctrlL) {
                var selected = sessionsTable.getSelectionModel().getSelectedItems();
                if (selected.size() > 1) {
                    viewModel.logOutSessions("Log out selected sessions", new ArrayList<>(selected));
                } else {
                    viewModel.logOut(sessionsTable.getSelectionModel().getSelectedItem());
                }
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
        Set<String> ids = new HashSet<>();
        for (SessionRow row : sessionsTable.getSelectionModel().getSelectedItems()) {
            if (row != null) {
                ids.add(row.id());
            }
        }
        keepSelectedIds = ids;
        keepFirstVisibleId = null;
        keepTop = false;
        if (sessionsTable.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
            IndexedCell<?> first = flow.getFirstVisibleCell();
            if (first != null && first.getIndex() >= 0 && first.getIndex() < viewModel.shown().size()) {
                keepFirstVisibleId = viewModel.shown().get(first.getIndex()).id();
                keepTop = first.getIndex() == 0;
            }
        }
    }

    /**
     * After a reload or applied changes: the same sessions selected (the focused one last, so the
     * arrow keys go on from it) and the same session at the top; at the very top, the top stays in
     * view so new rows show.
     */
    private void restorePosition() {
        int top = -1;
        int focused = -1;
        List<Integer> selected = new ArrayList<>();
        var shown = viewModel.shown();
        for (int i = 0; i < shown.size(); i++) {
            String id = shown.get(i).id();
            if (id.equals(keepFirstVisibleId)) {
                top = i;
            }
            if (id.equals(keepSelectedId)) {
                focused = i;
            } else if (keepSelectedIds.contains(id)) {
                selected.add(i);
            }
        }
        var selection = sessionsTable.getSelectionModel();
        if (!sameSelection(selected, focused)) {
            selection.clearSelection();
            if (focused >= 0) {
                selected.add(focused); // selected last: it keeps the focus
            }
            if (!selected.isEmpty()) {
                int[] rest = selected.stream().skip(1).mapToInt(Integer::intValue).toArray();
                selection.selectIndices(selected.get(0), rest);
            }
        }
        if (keepTop) {
            sessionsTable.scrollTo(0);
        } else if (top >= 0) {
            sessionsTable.scrollTo(top);
        }
    }

    private boolean sameSelection(List<Integer> others, int focused) {
        var indices = sessionsTable.getSelectionModel().getSelectedIndices();
        int expected = others.size() + (focused >= 0 ? 1 : 0);
        if (indices.size() != expected || sessionsTable.getSelectionModel().getSelectedIndex() != focused) {
            return false;
        }
        return new HashSet<>(indices).containsAll(others);
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
            button.setAccessibleText("Log out " + row.username() + " from " + row.device());
            setGraphic(button);
        }
    }
}

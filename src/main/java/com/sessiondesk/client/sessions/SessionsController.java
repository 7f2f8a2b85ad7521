package com.sessiondesk.client.sessions;

import com.sessiondesk.client.common.Choices;
import com.sessiondesk.client.common.ColumnMemory;
import com.sessiondesk.client.common.ColumnWidths;
import com.sessiondesk.client.common.HeaderTips;
import com.sessiondesk.client.common.Columns;
import com.sessiondesk.client.common.ErrorBanner;
import com.sessiondesk.client.common.Fxml;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.StatusBinder;
import com.sessiondesk.client.export.Exporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.scene.control.SelectionMode;
import java.util.Comparator;
import java.util.List;
import javafx.animation.PauseTransition;
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

/** Binds fxml/sessions.fxml to the {@link SessionsViewModel}; the columns come from {@link SessionColumns}. */
public final class SessionsController {

    @FXML private Label sessionCountLabel;
    @FXML private StatusBar statusBar;
    @FXML private MaskerPane masker;
    @FXML private ErrorBanner errorBanner;
    @FXML private TextField searchField;
    @FXML private CheckComboBox<String> applicationFilter;
    @FXML private CheckComboBox<String> languageFilter;
    @FXML private javafx.scene.control.CheckBox newOnlyCheckBox;
    @FXML private Button refreshButton;
    @FXML private Label liveIndicator;
    @FXML private Label heldLabel;
    @FXML private Button logoutSelectedButton;
    @FXML private Button endOldVersionsButton;
    @FXML private Button exportButton;
    @FXML private TableView<SessionRow> sessionsTable;
    @FXML private Tooltip logoutTooltip;

    private static final double ROW_HEIGHT = 38;
    private static final PseudoClass FRESH = PseudoClass.getPseudoClass("fresh");

    /** The table's one tooltip for the full value of a cut cell. */
    private final Tooltip fullValueTooltip = new Tooltip();
    private final PauseTransition freshHighlight = new PauseTransition(javafx.util.Duration.seconds(5));
    /** Counts the ends of highlights: each shown row listens and drops its highlight. */
    private final IntegerProperty freshCleared = new SimpleIntegerProperty();
    private final SessionsViewModel viewModel;
    private final Parent root;
    private final Label placeholder = new Label();
    private RowPosition position;
    private final Duration liveInterval;
    private final Exporter exporter;
    private final ColumnMemory columnMemory;
    private final List<Timeline> timers = new ArrayList<>();

    /** @param liveInterval how often the change feed is asked (zero: never) */
    public SessionsController(SessionsViewModel viewModel, Duration liveInterval, Exporter exporter,
            ColumnMemory columnMemory) {
        this.viewModel = viewModel;
        this.liveInterval = liveInterval;
        this.exporter = exporter;
        this.columnMemory = columnMemory;
        this.root = Fxml.load("/fxml/sessions.fxml", this);
    }

    @FXML
    private void initialize() {
        sessionCountLabel.textProperty().bind(viewModel.countTextProperty());
        StatusBinder.bind(viewModel.state(), statusBar, errorBanner, viewModel::refresh);
        StatusBinder.mask(masker, Bindings.createBooleanBinding(
                () -> viewModel.state().isLoading() && viewModel.rows().isEmpty(),
                viewModel.state().loadingProperty(), viewModel.rows()), Messages.get("sessions.loading"));
        searchField.textProperty().bindBidirectional(viewModel.filter().searchTextProperty());
        newOnlyCheckBox.selectedProperty().bindBidirectional(viewModel.filter().newOnlyProperty());
        Choices.bind(applicationFilter, viewModel.filter().applications(), viewModel.filter().chosenApplications(),
                Messages.get("sessions.filter.allApplications"));
        Choices.bind(languageFilter, viewModel.filter().languages(), viewModel.filter().chosenLanguages(),
                Messages.get("sessions.filter.allLanguages"));
        refreshButton.setOnAction(e -> viewModel.refresh());
        placeholder.textProperty().bind(viewModel.placeholderTextProperty());
        placeholder.getStyleClass().add("table-placeholder");
        placeholder.setWrapText(true);
        buildTable();
        position = new RowPosition(sessionsTable);
        viewModel.setRowsReplacedHooks(() -> position.remember(viewModel.shown()), this::afterRowsReplaced);
        viewModel.setSelectionClearer(() -> sessionsTable.getSelectionModel().clearSelection());
        // A new minute or a reload moves the "… ago" texts: the time cells redraw themselves (Cells.text).
        freshHighlight.setOnFinished(e -> {
            viewModel.clearFresh();
            freshCleared.set(freshCleared.get() + 1); // the shown rows drop their highlight
        });
        if (!liveInterval.isZero() && !liveInterval.isNegative()) {
            Timeline feed = new Timeline(new KeyFrame(javafx.util.Duration.millis(liveInterval.toMillis()), e -> viewModel.poll()));
            feed.setCycleCount(Timeline.INDEFINITE);
            feed.play();
            timers.add(feed);
        }
        bindLiveIndicator();
        bindHold();
        bindBulkTools();
        exportButton.setOnAction(e -> export());
        exportButton.disableProperty().bind(exporter.busyProperty());
    }

    /** The window closes: no more feed requests. */
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

    /**
     * Rows never move under the pointer or a selected row with the keyboard focus: the order holds
     * while the pointer is over the table, or the table has the focus with a row selected; the label
     * says how many changes wait, and they apply when the pointer leaves or the focus moves on.
     */
    private void bindHold() {
        InvalidationListener update = o -> viewModel.holdOrder(sessionsTable.isHover()
                || (sessionsTable.isFocused() && sessionsTable.getSelectionModel().getSelectedIndex() >= 0));
        sessionsTable.hoverProperty().addListener(update);
        sessionsTable.focusedProperty().addListener(update);
        sessionsTable.getSelectionModel().selectedIndexProperty().addListener(update);
        heldLabel.textProperty().bind(viewModel.waitingTextProperty());
        heldLabel.visibleProperty().bind(viewModel.waitingTextProperty().isNotEmpty());
        heldLabel.managedProperty().bind(heldLabel.visibleProperty());
    }

    /** Multi-selection, "Log out selected (N)" and "End old app-version sessions". */
    private void bindBulkTools() {
        var selected = sessionsTable.getSelectionModel().getSelectedItems();
        logoutSelectedButton.textProperty().bind(Bindings.createStringBinding(
                () -> Messages.format("sessions.logoutSelected.count", selected.size()), selected));
        logoutSelectedButton.disableProperty().bind(Bindings.isEmpty(selected));
        logoutSelectedButton.setOnAction(e -> viewModel.logOutSessions(Messages.get("sessions.logoutSelected.title"), new ArrayList<>(selected)));
        endOldVersionsButton.setOnAction(e -> endOldVersions());
    }

    /** Selects every superseded session (clearing the search and filter so all can show) and confirms. */
    public void endOldVersions() {
        List<SessionRow> old = viewModel.oldVersionRows();
        if (!old.isEmpty()) {
            viewModel.clearFilters();
            select(old);
        }
        viewModel.logOutSessions(Messages.get("sessions.endOldVersions"), old);
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
        exporter.export(Messages.get("export.kind.session"), Messages.get("export.kind.sessions"), "sessions.csv", viewModel.shown(), Columns.shownForExport(sessionsTable));
    }

    private void afterRowsReplaced() {
        position.restore(viewModel.shown(), viewModel::shownIndexOf);
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
            private final InvalidationListener unhighlight = source -> markFresh();

            {
                freshCleared.addListener(new WeakInvalidationListener(unhighlight));
            }

            @Override
            protected void updateItem(SessionRow row, boolean empty) {
                super.updateItem(row, empty);
                markFresh();
            }

            private void markFresh() {
                SessionRow row = getItem();
                pseudoClassStateChanged(FRESH, !isEmpty() && row != null && viewModel.isFresh(row.id()));
            }
        });
        TableColumn<SessionRow, SessionRow> lastSeen = SessionColumns.addTo(sessionsTable, viewModel, fullValueTooltip,
                logoutTooltip, viewModel::logOut);
        sessionsTable.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        columnMemory.install(sessionsTable, "sessions");
        HeaderTips.install(sessionsTable);
        ColumnWidths.followTextSize(sessionsTable);

        // The view model sorts its rows under the filter, by the columns' own comparators (which a
        // reload can use in the background, unlike the table's comparator).
        sessionsTable.setItems(viewModel.shown());
        sessionsTable.setSortPolicy(table -> {
            viewModel.sortBy(SessionColumn.orderOf(table.getSortOrder()));
            return true;
        });
        sessionsTable.getSortOrder().add(lastSeen);
        // Row actions from the keyboard act on the selected row: Delete or Ctrl+L log out; Ctrl+B
        // opens the same dialog with Block ticked (docs/user-guide.md).
        sessionsTable.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            boolean delete = event.getCode() == KeyCode.DELETE;
            boolean ctrlL = event.getCode() == KeyCode.L && event.isShortcutDown();
            boolean ctrlB = event.getCode() == KeyCode.B && event.isShortcutDown();
            if (delete || ctrlL || ctrlB) {
                var selected = sessionsTable.getSelectionModel().getSelectedItems();
                if (selected.size() > 1 && !ctrlB) {
                    viewModel.logOutSessions(Messages.get("sessions.logoutSelected.title"), new ArrayList<>(selected));
                } else {
                    viewModel.logOut(sessionsTable.getSelectionModel().getSelectedItem(), ctrlB);
                }
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

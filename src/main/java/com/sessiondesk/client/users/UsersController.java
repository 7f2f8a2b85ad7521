package com.sessiondesk.client.users;

import com.sessiondesk.api.User;
import com.sessiondesk.client.common.Cells;
import com.sessiondesk.client.common.Columns;
import com.sessiondesk.client.common.ErrorBanner;
import com.sessiondesk.client.common.ListViews;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.Fxml;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.export.Exporter;
import java.time.Instant;
import java.util.List;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.StatusBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Binds fxml/users.fxml to the {@link UsersViewModel}. */
public final class UsersController {

    @FXML private Label usersCountLabel;
    @FXML private StatusBar statusBar;
    @FXML private MaskerPane masker;
    @FXML private ErrorBanner errorBanner;
    @FXML private TextField usersSearchField;
    @FXML private CheckBox blockedOnlyCheckBox;
    @FXML private Button usersRefreshButton;
    @FXML private TableView<User> usersTable;
    @FXML private TableColumn<User, String> usernameColumn;
    @FXML private TableColumn<User, String> nameColumn;
    @FXML private TableColumn<User, Integer> sessionsColumn;
    @FXML private TableColumn<User, User> statusColumn;
    @FXML private TableColumn<User, Instant> blockedSinceColumn;
    @FXML private TableColumn<User, User> blockedUntilColumn;
    @FXML private TableColumn<User, String> blockedByColumn;
    @FXML private Button exportButton;
    @FXML private TableColumn<User, String> reasonColumn;
    @FXML private TableColumn<User, User> actionsColumn;
    // One tooltip for each kind of row button (a tooltip is a window: not one per cell).
    @FXML private Tooltip unblockTooltip;
    @FXML private Tooltip logoutTooltip;
    @FXML private Tooltip blockTooltip;

    private final Cells.Badge blockedBadge = new Cells.Badge(Messages.get("users.status.blocked"), "badge-danger",
            Messages.get("users.status.blocked.explanation"));
    private final Cells.Badge activeBadge = new Cells.Badge(Messages.get("users.status.active"), "badge-success",
            Messages.get("users.status.active.explanation"));

    private final UsersViewModel viewModel;
    private final Exporter exporter;
    private final Parent root;
    private final Tooltip fullValueTooltip = new Tooltip();

    public UsersController(UsersViewModel viewModel, Exporter exporter) {
        this.viewModel = viewModel;
        this.exporter = exporter;
        this.root = Fxml.load("/fxml/users.fxml", this);
    }

    @FXML
    private void initialize() {
        ListViews.bind(viewModel, usersTable, usersCountLabel, statusBar, masker, errorBanner, usersRefreshButton,
                Messages.get("users.loading"));
        usersSearchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        blockedOnlyCheckBox.selectedProperty().bindBidirectional(viewModel.blockedOnlyProperty());

        Columns.value(usernameColumn, User::username);
        Columns.value(nameColumn, User::name);
        Columns.value(sessionsColumn, User::activeSessions);
        Columns.value(statusColumn, user -> user);
        statusColumn.setComparator((a, b) -> Boolean.compare(a.blocked(), b.blocked()));
        statusColumn.setCellFactory(Cells.text(user -> "", null,
                user -> user.blocked() ? blockedBadge : activeBadge, null));
        Columns.value(blockedSinceColumn, user -> user.blocked() ? user.blockedAt() : null); // sorts as time
        blockedSinceColumn.setCellFactory(Cells.text(at -> Formats.compactDateTime(at, Instant.now()), Formats::dateTime,
                at -> null, fullValueTooltip));
        // A time-limited block shows its end; a plain one lasts until an admin unblocks.
        Columns.value(blockedUntilColumn, user -> user);
        blockedUntilColumn.setComparator(java.util.Comparator.comparing(UsersController::blockEnd,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        blockedUntilColumn.setCellFactory(Cells.text(user -> blockEndText(user, false), user -> blockEndText(user, true),
                user -> null, fullValueTooltip));
        Columns.value(blockedByColumn, user -> user.blocked() ? user.blockedBy() : "");
        Columns.value(reasonColumn, user -> user.blocked() ? user.blockReason() : "");
        for (TableColumn<User, String> column : List.of(usernameColumn, nameColumn, blockedByColumn, reasonColumn)) {
            column.setCellFactory(Cells.text(text -> text, null, text -> null, fullValueTooltip));
        }
        Columns.value(actionsColumn, user -> user);
        actionsColumn.setCellFactory(Cells.buttons(List.of(
                new Cells.RowButton<User>(null, "logout", "user-logout-button button-icon flat danger", logoutTooltip,
                        user -> Messages.format("users.logout.accessible", user.username()), user -> user.activeSessions() > 0,
                        viewModel::logOutEverywhere),
                new Cells.RowButton<User>(null, "account-lock-outline", "block-button button-icon flat danger", blockTooltip,
                        user -> Messages.format("users.block.accessible", user.username()), viewModel::canBlock, viewModel::block),
                new Cells.RowButton<User>(Messages.get("users.unblock"), "lock-open-variant-outline", "unblock-button small", unblockTooltip,
                        user -> Messages.format("users.unblock.accessible", user.username()), User::blocked, viewModel::unblock))));
        // Header clicks sort a sorted view of the filtered list (the filtered list itself cannot be sorted).
        SortedList<User> sorted = new SortedList<>(viewModel.shown());
        sorted.comparatorProperty().bind(usersTable.comparatorProperty());
        usersTable.setItems(sorted);
        Columns.exportAs(usernameColumn, User::username);
        Columns.exportAs(nameColumn, User::name);
        Columns.exportAs(sessionsColumn, user -> String.valueOf(user.activeSessions()));
        Columns.exportAs(statusColumn, user -> Messages.get(user.blocked() ? "users.status.blocked" : "users.status.active"));
        Columns.exportAs(blockedSinceColumn, user -> user.blocked() && user.blockedAt() != null ? user.blockedAt().toString() : "");
        Columns.exportAs(blockedUntilColumn, user -> user.blocked() && user.blockedUntil() != null ? user.blockedUntil().toString() : "");
        Columns.exportAs(blockedByColumn, user -> user.blocked() ? user.blockedBy() : "");
        Columns.exportAs(reasonColumn, user -> user.blocked() ? user.blockReason() : "");
        exportButton.setOnAction(e -> export());
        exportButton.disableProperty().bind(exporter.busyProperty());
        // Row actions from the keyboard act on the selected row: Delete or Ctrl+L log out from all
        // devices, Ctrl+B blocks, Ctrl+U unblocks (docs/user-guide.md, "Theme, language, keyboard").
        usersTable.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            User selected = usersTable.getSelectionModel().getSelectedItem();
            if (selected != null && (event.getCode() == KeyCode.DELETE
                    || (event.getCode() == KeyCode.L && event.isShortcutDown()))) {
                viewModel.logOutEverywhere(selected);
                event.consume();
            } else if (event.getCode() == KeyCode.B && event.isShortcutDown()) {
                viewModel.block(selected); // or says why it cannot
                event.consume();
            } else if (event.getCode() == KeyCode.U && event.isShortcutDown()) {
                viewModel.unblock(selected); // or says why it cannot
                event.consume();
            }
        });
        // The arrow keys select the row they move to (not only focus it), so Ctrl+U / Ctrl+B act on it.
        usersTable.getFocusModel().focusedIndexProperty().addListener((obs, old, index) -> {
            if (index.intValue() >= 0 && usersTable.getSelectionModel().isEmpty() && usersTable.isFocused()) {
                usersTable.getSelectionModel().select(index.intValue());
            }
        });
    }

    /** When a block ends: null for an active user or a block until an admin unblocks (sorts last). */
    private static Instant blockEnd(User user) {
        return user.blocked() ? user.blockedUntil() : null;
    }

    /** "Until unblocked", or the end: the time without the year when it is this year (full: with it, in the tooltip). */
    private static String blockEndText(User user, boolean full) {
        if (!user.blocked()) {
            return "";
        }
        if (user.blockedUntil() == null) {
            return Messages.get("users.untilUnblocked");
        }
        return full ? Formats.dateTime(user.blockedUntil()) : Formats.compactDateTime(user.blockedUntil(), Instant.now());
    }

    /** Ctrl+E: the users shown (search and filter applied, in the shown order) to a CSV file. */
    public void export() {
        exporter.export(Messages.get("export.kind.user"), Messages.get("export.kind.users"), "users.csv", usersTable.getItems(), Columns.shownForExport(usersTable));
    }

    public Parent root() {
        return root;
    }

    public void focusSearch() {
        usersSearchField.requestFocus();
        usersSearchField.selectAll();
    }
}

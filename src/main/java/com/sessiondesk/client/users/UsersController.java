package com.sessiondesk.client.users;

import com.sessiondesk.api.User;
import com.sessiondesk.client.common.ErrorBanner;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.Columns;
import com.sessiondesk.client.common.Fxml;
import com.sessiondesk.client.common.Icons;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.StatusBinder;
import java.time.Instant;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.StatusBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;

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
    @FXML private TableColumn<User, String> blockedByColumn;
    @FXML private TableColumn<User, String> reasonColumn;
    @FXML private TableColumn<User, User> actionsColumn;

    private final UsersViewModel viewModel;
    private final Parent root;
    // One tooltip for each kind of row button (a tooltip is a window: not one per cell).
    private final Tooltip unblockTooltip = new Tooltip(Messages.get("users.unblock.tooltip"));
    private final Tooltip logoutTooltip = new Tooltip(Messages.get("users.logout.tooltip"));

    public UsersController(UsersViewModel viewModel) {
        this.viewModel = viewModel;
        this.root = Fxml.load("/fxml/users.fxml", this);
    }

    @FXML
    private void initialize() {
        usersCountLabel.textProperty().bind(viewModel.countTextProperty());
        StatusBinder.bind(viewModel.state(), statusBar, errorBanner, viewModel::refresh);
        StatusBinder.mask(masker, Bindings.createBooleanBinding(
                () -> viewModel.state().isLoading() && viewModel.shown().isEmpty(),
                viewModel.state().loadingProperty(), viewModel.shown()), Messages.get("users.loading"));
        usersSearchField.textProperty().bindBidirectional(viewModel.searchTextProperty());
        blockedOnlyCheckBox.selectedProperty().bindBidirectional(viewModel.blockedOnlyProperty());
        usersRefreshButton.setOnAction(e -> viewModel.refresh());

        usersTable.getStyleClass().add("striped");
        usersTable.setPlaceholder(new Label(Messages.get("users.placeholder")));
        Columns.value(usernameColumn, User::username);
        Columns.value(nameColumn, User::name);
        Columns.value(sessionsColumn, User::activeSessions);
        Columns.value(statusColumn, user -> user);
        statusColumn.setComparator((a, b) -> Boolean.compare(a.blocked(), b.blocked()));
        statusColumn.setCellFactory(c -> new StatusCell());
        Columns.value(blockedSinceColumn, user -> user.blocked() ? user.blockedAt() : null); // sorts as time
        blockedSinceColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Instant at, boolean empty) {
                super.updateItem(at, empty);
                setText(empty || at == null ? null : Formats.dateTime(at));
            }
        });
        Columns.value(blockedByColumn, user -> user.blocked() ? user.blockedBy() : "");
        Columns.value(reasonColumn, user -> user.blocked() ? user.blockReason() : "");
        Columns.value(actionsColumn, user -> user);
        actionsColumn.setCellFactory(c -> new ActionsCell());
        usersTable.setItems(viewModel.shown());
        usersTable.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            // Delete / Ctrl+L: log the selected user out of all devices; Ctrl+U: unblock them
            User selected = usersTable.getSelectionModel().getSelectedItem();
            if (event.getCode() == KeyCode.DELETE || (event.getCode() == KeyCode.L && event.isShortcutDown())) {
                viewModel.logOutEverywhere(selected);
                event.consume();
            } else if (event.getCode() == KeyCode.U && event.isShortcutDown()) {
                viewModel.unblock(selected);
                event.consume();
            }
        });
    }

    public Parent root() {
        return root;
    }

    public void focusSearch() {
        usersSearchField.requestFocus();
        usersSearchField.selectAll();
    }

    private static final class StatusCell extends TableCell<User, User> {
        private final Label badge = new Label();

        @Override
        protected void updateItem(User user, boolean empty) {
            super.updateItem(user, empty);
            if (empty || user == null) {
                setGraphic(null);
                return;
            }
            badge.setText(Messages.get(user.blocked() ? "users.status.blocked" : "users.status.active"));
            badge.setAccessibleText(Messages.format(user.blocked() ? "users.status.blocked.accessible"
                    : "users.status.active.accessible", user.username()));
            badge.getStyleClass().setAll("row-badge", user.blocked() ? "badge-danger" : "badge-success");
            setGraphic(badge);
        }
    }

    /** Unblock (blocked users) and Log out from all devices (users with sessions). */
    private final class ActionsCell extends TableCell<User, User> {
        private final Button unblock = new Button(Messages.get("users.unblock"));
        private final Button logout = new Button();
        private final HBox box = new HBox(6);

        ActionsCell() {
            unblock.setGraphic(Icons.of("lock-open-variant-outline"));
            unblock.getStyleClass().addAll("unblock-button", "small");
            unblock.setTooltip(unblockTooltip);
            unblock.setOnAction(e -> viewModel.unblock(getItem()));
            logout.setGraphic(Icons.of("logout"));
            logout.getStyleClass().addAll("user-logout-button", "button-icon", "flat", "danger");
            logout.setTooltip(logoutTooltip);
            logout.setOnAction(e -> viewModel.logOutEverywhere(getItem()));
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(User user, boolean empty) {
            super.updateItem(user, empty);
            if (empty || user == null) {
                setGraphic(null);
                return;
            }
            box.getChildren().clear();
            if (user.activeSessions() > 0) {
                logout.setAccessibleText(Messages.format("users.logout.accessible", user.username()));
                box.getChildren().add(logout);
            }
            if (user.blocked()) {
                unblock.setAccessibleText(Messages.format("users.unblock.accessible", user.username()));
                box.getChildren().add(unblock);
            }
            setGraphic(box);
        }
    }
}

package com.sessiondesk.client.incidents;

import com.sessiondesk.api.Alert;
import com.sessiondesk.api.DeviceBlock;
import com.sessiondesk.client.common.Cells;
import com.sessiondesk.client.common.Columns;
import com.sessiondesk.client.common.ErrorBanner;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.Fxml;
import com.sessiondesk.client.common.Icons;
import com.sessiondesk.client.common.ListViews;
import com.sessiondesk.client.common.Messages;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.controlsfx.control.MaskerPane;
import org.controlsfx.control.StatusBar;

/**
 * Binds fxml/alerts.fxml: the alerts with their actions (row buttons, the context menu and keys on
 * the selected row: Ctrl+L log out the session, Ctrl+B block the account, Ctrl+D block the device,
 * Ctrl+K acknowledge) and the blocked devices with Unblock (Ctrl+U).
 */
public final class AlertsController {

    private static final KeyCombination LOG_OUT = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination BLOCK_ACCOUNT = new KeyCodeCombination(KeyCode.B, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination BLOCK_DEVICE = new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ACKNOWLEDGE = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination UNBLOCK = new KeyCodeCombination(KeyCode.U, KeyCombination.SHORTCUT_DOWN);

    @FXML private Label alertsCountLabel;
    @FXML private ErrorBanner errorBanner;
    @FXML private CheckBox openOnlyCheckBox;
    @FXML private Button alertsRefreshButton;
    @FXML private Button logoutAction;
    @FXML private Button blockAccountAction;
    @FXML private Button blockDeviceAction;
    @FXML private Button acknowledgeAction;
    @FXML private StatusBar statusBar;
    @FXML private MaskerPane masker;
    @FXML private TableView<Alert> alertsTable;
    @FXML private TableColumn<Alert, Alert> stateColumn;
    @FXML private TableColumn<Alert, String> kindColumn;
    @FXML private TableColumn<Alert, String> summaryColumn;
    @FXML private TableColumn<Alert, String> usernameColumn;
    @FXML private TableColumn<Alert, String> deviceColumn;
    @FXML private TableColumn<Alert, String> addressColumn;
    @FXML private TableColumn<Alert, Instant> lastAtColumn;
    @FXML private TableColumn<Alert, Alert> actionsColumn;
    @FXML private Label devicesCountLabel;
    @FXML private Button devicesRefreshButton;
    @FXML private ErrorBanner devicesErrorBanner;
    @FXML private TableView<DeviceBlock> devicesTable;
    @FXML private TableColumn<DeviceBlock, String> deviceModelColumn;
    @FXML private TableColumn<DeviceBlock, String> deviceIdColumn;
    @FXML private TableColumn<DeviceBlock, String> lastUserColumn;
    @FXML private TableColumn<DeviceBlock, String> blockedByColumn;
    @FXML private TableColumn<DeviceBlock, String> reasonColumn;
    @FXML private TableColumn<DeviceBlock, Instant> blockedAtColumn;
    @FXML private TableColumn<DeviceBlock, DeviceBlock> blockedUntilColumn;
    @FXML private TableColumn<DeviceBlock, DeviceBlock> deviceActionsColumn;
    @FXML private Tooltip logoutTooltip;
    @FXML private Tooltip blockAccountTooltip;
    @FXML private Tooltip blockDeviceTooltip;
    @FXML private Tooltip acknowledgeTooltip;
    @FXML private Tooltip unblockTooltip;

    private final Cells.Badge openBadge = new Cells.Badge(Messages.get("alerts.state.open"), "badge-danger",
            Messages.get("alerts.state.open.explanation"));
    private final AlertsViewModel viewModel;
    private final AlertActions actions;
    private final BlockedDevicesViewModel devices;
    private final Parent root;
    private final Tooltip fullValueTooltip = new Tooltip();
    /** The toolbar's action buttons and when each applies to the selected alert. */
    private final Map<Button, Predicate<Alert>> toolbarActions = new LinkedHashMap<>();

    public AlertsController(AlertsViewModel viewModel, AlertActions actions, BlockedDevicesViewModel devices) {
        this.viewModel = viewModel;
        this.actions = actions;
        this.devices = devices;
        this.root = Fxml.load("/fxml/alerts.fxml", this);
    }

    @FXML
    private void initialize() {
        ListViews.bind(viewModel, alertsTable, alertsCountLabel, statusBar, masker, errorBanner, alertsRefreshButton,
                Messages.get("alerts.loading"));
        openOnlyCheckBox.selectedProperty().bindBidirectional(viewModel.openOnlyProperty());
        ListViews.headerTooltips(alertsTable);
        bindAlerts();
        bindDevices();
    }

    private void bindAlerts() {
        Columns.value(stateColumn, alert -> alert);
        stateColumn.setComparator((a, b) -> Boolean.compare(b.open(), a.open()));
        stateColumn.setCellFactory(Cells.text(alert -> alert.open() ? "" : AlertTexts.state(alert), AlertTexts::state,
                alert -> alert.open() ? openBadge : null, fullValueTooltip));
        Columns.value(kindColumn, AlertTexts::kind);
        Columns.value(summaryColumn, AlertTexts::summary);
        Columns.value(usernameColumn, alert -> alert.username() == null ? "" : alert.username());
        Columns.value(deviceColumn, AlertTexts::device);
        Columns.value(addressColumn, alert -> alert.address() == null ? "" : alert.address());
        ListViews.textColumns(fullValueTooltip, List.of(kindColumn, summaryColumn, usernameColumn, deviceColumn, addressColumn));
        Columns.value(lastAtColumn, Alert::lastAt);
        ListViews.timeColumn(lastAtColumn, fullValueTooltip);
        Columns.value(actionsColumn, alert -> alert);
        actionsColumn.setCellFactory(Cells.buttons(List.of(
                button("logout", "alert-logout-button", logoutTooltip, "alerts.logout.accessible",
                        actions::canLogOutSession, actions::logOutSession),
                button("account-lock-outline", "alert-block-account-button", blockAccountTooltip, "alerts.blockAccount.accessible",
                        actions::canBlockAccount, actions::blockAccount),
                button("cellphone-lock", "alert-block-device-button", blockDeviceTooltip, "alerts.blockDevice.accessible",
                        actions::canBlockDevice, actions::blockDevice),
                button("check", "alert-acknowledge-button", acknowledgeTooltip, "alerts.acknowledge.accessible",
                        Alert::open, viewModel::acknowledge))));
        SortedList<Alert> sorted = new SortedList<>(viewModel.shown());
        sorted.comparatorProperty().bind(alertsTable.comparatorProperty());
        alertsTable.setItems(sorted);
        alertsTable.setContextMenu(alertMenu());
        bindToolbarActions();
        alertsTable.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            Alert selected = alertsTable.getSelectionModel().getSelectedItem();
            if (selected == null) {
                return;
            }
            if (act(event, LOG_OUT, selected, actions::canLogOutSession, actions::logOutSession)
                    || act(event, BLOCK_ACCOUNT, selected, actions::canBlockAccount, actions::blockAccount)
                    || act(event, BLOCK_DEVICE, selected, actions::canBlockDevice, actions::blockDevice)
                    || act(event, ACKNOWLEDGE, selected, Alert::open, viewModel::acknowledge)) {
                event.consume();
            }
        });
    }

    /** The toolbar's buttons act on the selected alert, each enabled when its action applies to it. */
    private void bindToolbarActions() {
        toolbarAction(logoutAction, "logout", actions::canLogOutSession, actions::logOutSession);
        toolbarAction(blockAccountAction, "account-lock-outline", actions::canBlockAccount, actions::blockAccount);
        toolbarAction(blockDeviceAction, "cellphone-lock", actions::canBlockDevice, actions::blockDevice);
        toolbarAction(acknowledgeAction, "check", alert -> alert != null && alert.open(), viewModel::acknowledge);
        alertsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> updateToolbarActions());
        alertsTable.getItems().addListener((ListChangeListener<Alert>) change -> updateToolbarActions());
        updateToolbarActions();
    }

    private void toolbarAction(Button button, String icon, Predicate<Alert> allowed, Consumer<Alert> action) {
        button.setGraphic(Icons.of(icon));
        toolbarActions.put(button, allowed);
        button.setOnAction(e -> {
            Alert selected = alertsTable.getSelectionModel().getSelectedItem();
            if (selected != null && allowed.test(selected)) {
                action.accept(selected);
            }
        });
    }

    private void updateToolbarActions() {
        Alert selected = alertsTable.getSelectionModel().getSelectedItem();
        toolbarActions.forEach((button, allowed) -> button.setDisable(selected == null || !allowed.test(selected)));
    }

    private static Cells.RowButton<Alert> button(String icon, String styleClass, Tooltip tooltip, String accessibleKey,
                                                 Predicate<Alert> shownFor, Consumer<Alert> action) {
        return new Cells.RowButton<>(null, icon, styleClass + " button-icon flat", tooltip,
                alert -> Messages.format(accessibleKey, AlertTexts.summary(alert)), shownFor, action);
    }

    private static <T> boolean act(KeyEvent event, KeyCombination keys, T item, Predicate<T> allowed, Consumer<T> action) {
        if (!keys.match(event) || !allowed.test(item)) {
            return false;
        }
        action.accept(item);
        return true;
    }

    /** The same actions as the row buttons, for the keyboard's menu key and Shift+F10. */
    private ContextMenu alertMenu() {
        MenuItem logOut = item("alerts.menu.logout", LOG_OUT, actions::logOutSession);
        MenuItem blockAccount = item("alerts.menu.blockAccount", BLOCK_ACCOUNT, actions::blockAccount);
        MenuItem blockDevice = item("alerts.menu.blockDevice", BLOCK_DEVICE, actions::blockDevice);
        MenuItem acknowledge = item("alerts.menu.acknowledge", ACKNOWLEDGE, viewModel::acknowledge);
        ContextMenu menu = new ContextMenu(logOut, blockAccount, blockDevice, acknowledge);
        menu.setOnShowing(e -> {
            Alert selected = alertsTable.getSelectionModel().getSelectedItem();
            logOut.setDisable(!actions.canLogOutSession(selected));
            blockAccount.setDisable(!actions.canBlockAccount(selected));
            blockDevice.setDisable(!actions.canBlockDevice(selected));
            acknowledge.setDisable(selected == null || !selected.open());
        });
        return menu;
    }

    private MenuItem item(String key, KeyCombination keys, Consumer<Alert> action) {
        MenuItem item = new MenuItem(Messages.get(key));
        item.setAccelerator(keys);
        item.setOnAction(e -> {
            Alert selected = alertsTable.getSelectionModel().getSelectedItem();
            if (selected != null) {
                action.accept(selected);
            }
        });
        return item;
    }

    private void bindDevices() {
        ListViews.bindTable(devices, devicesTable, devicesCountLabel, devicesRefreshButton);
        ListViews.headerTooltips(devicesTable);
        devicesErrorBanner.bind(devices.state(), devices::refresh);
        Columns.value(deviceModelColumn, BlockedDevicesViewModel::name);
        Columns.value(deviceIdColumn, DeviceBlock::deviceId);
        Columns.value(lastUserColumn, device -> device.lastUsername() == null ? "" : device.lastUsername());
        Columns.value(blockedByColumn, device -> device.blockedBy() == null ? "" : device.blockedBy());
        Columns.value(reasonColumn, device -> device.reason() == null ? "" : device.reason());
        ListViews.textColumns(fullValueTooltip, List.of(deviceModelColumn, deviceIdColumn, lastUserColumn, blockedByColumn,
                reasonColumn));
        Columns.value(blockedAtColumn, DeviceBlock::blockedAt);
        ListViews.timeColumn(blockedAtColumn, fullValueTooltip);
        // The row itself: a block without end reads "Until unblocked" (sorted last), cut texts in the tooltip.
        Columns.value(blockedUntilColumn, device -> device);
        blockedUntilColumn.setComparator(java.util.Comparator.comparing(DeviceBlock::blockedUntil,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        java.util.function.Function<DeviceBlock, String> until = device -> device.blockedUntil() == null
                ? Messages.get("users.untilUnblocked") : Formats.dateTime(device.blockedUntil());
        blockedUntilColumn.setCellFactory(Cells.text(until, until, device -> null, fullValueTooltip));
        Columns.value(deviceActionsColumn, device -> device);
        deviceActionsColumn.setCellFactory(Cells.buttons(List.of(new Cells.RowButton<DeviceBlock>(
                Messages.get("devices.unblock"), "lock-open-variant-outline", "device-unblock-button small", unblockTooltip,
                device -> Messages.format("devices.unblock.accessible", BlockedDevicesViewModel.name(device)),
                device -> true, devices::unblock))));
        SortedList<DeviceBlock> sorted = new SortedList<>(devices.shown());
        sorted.comparatorProperty().bind(devicesTable.comparatorProperty());
        devicesTable.setItems(sorted);
        devicesTable.addEventHandler(KeyEvent.KEY_PRESSED, event -> {
            DeviceBlock selected = devicesTable.getSelectionModel().getSelectedItem();
            if (selected != null && (UNBLOCK.match(event) || event.getCode() == KeyCode.DELETE)) {
                devices.unblock(selected);
                event.consume();
            }
        });
    }

    /** Ctrl+F: the alerts table takes the keyboard (this view has no search). */
    public void focusTable() {
        alertsTable.requestFocus();
        if (alertsTable.getSelectionModel().isEmpty() && !alertsTable.getItems().isEmpty()) {
            alertsTable.getSelectionModel().select(0);
        }
    }

    public Parent root() {
        return root;
    }
}

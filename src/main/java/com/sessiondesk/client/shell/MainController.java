package com.sessiondesk.client.shell;

import com.sessiondesk.client.common.AutoRefresh;
import com.sessiondesk.client.common.ColumnMemory;
import com.sessiondesk.client.export.Exporter;
import com.sessiondesk.client.common.ClientSettings;
import com.sessiondesk.client.common.Fxml;
import com.sessiondesk.client.common.Icons;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.Refreshable;
import com.sessiondesk.client.common.TextSize;
import com.sessiondesk.client.common.Theme;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.history.HistoryController;
import com.sessiondesk.client.history.HistoryViewModel;
import com.sessiondesk.client.logout.LogoutDialogs;
import com.sessiondesk.client.password.ChangePasswordDialog;
import com.sessiondesk.client.password.ChangePasswordViewModel;
import com.sessiondesk.client.service.AdminService;
import com.sessiondesk.client.sessions.SessionsController;
import com.sessiondesk.client.sessions.SessionsViewModel;
import com.sessiondesk.client.users.UsersController;
import com.sessiondesk.client.users.UsersViewModel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.AccessibleRole;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.NotificationPane;

/**
 * The main window's content: navigation between Active Sessions, User Accounts and History
 * (Ctrl+1/2/3), the signed-in admin, Sign out (after a confirmation), the notification toast,
 * and the automatic refresh of the view shown. The secondary views load on first use.
 */
public final class MainController {

    private CompactHeader compactHeader;
    @FXML private BorderPane mainWindow;
    @FXML private Label appTitle;
    @FXML private ToggleButton sessionsTab;
    @FXML private ToggleButton usersTab;
    @FXML private ToggleButton historyTab;
    @FXML private ToggleButton alertsTab;
    @FXML private Label alertCountLabel;
    @FXML private ToggleButton themeToggle;
    @FXML private MenuButton languageMenu;
    @FXML private MenuButton textSizeMenu;
    @FXML private Button keysButton;
    @FXML private Label adminLabel;
    @FXML private Button changePasswordButton;
    @FXML private Button signOutButton;
    @FXML private StackPane content;
    @FXML private NotificationPane notificationPane;
    @FXML private javafx.scene.layout.HBox exportProgressBox;
    @FXML private javafx.scene.control.ProgressBar exportProgressBar;
    @FXML private Label exportProgressLabel;

    private final ViewContext context;
    private final Clock clock;
    private final LogoutDialogs logoutDialogs;
    private final Runnable onSignOut;
    /** How long a notification stays before it closes by itself. */
    static final javafx.util.Duration NOTIFICATION_SECONDS = javafx.util.Duration.seconds(8);
    private final javafx.animation.PauseTransition notificationClose = new javafx.animation.PauseTransition(NOTIFICATION_SECONDS);
    private final Parent root;
    private final SessionsViewModel sessionsViewModel;
    private final SessionsController sessionsView;
    private final AutoRefresh autoRefresh;
    private final Exporter exporter;
    private final com.sessiondesk.client.incidents.Incidents incidents;
    private UsersViewModel usersViewModel;
    private UsersController usersView;
    private HistoryViewModel historyViewModel;
    private HistoryController historyView;
    private AdminService service;

    /**
     * @param refreshInterval full reloads of the shown view (the sessions only while they follow no feed)
     * @param liveInterval how often the sessions' change feed is asked
     * @param settings where the column choice is remembered
     */
    public MainController(ViewContext context, Clock clock, Duration refreshInterval, Duration liveInterval,
                          ClientSettings settings, LogoutDialogs logoutDialogs, Runnable onSignOut) {
        this.context = context;
        this.clock = clock;
        this.logoutDialogs = logoutDialogs;
        this.onSignOut = onSignOut;
        this.exporter = new Exporter(context);
        this.sessionsViewModel = new SessionsViewModel(context, clock, logoutDialogs);
        this.sessionsView = new SessionsController(sessionsViewModel, liveInterval, exporter,
                new ColumnMemory(settings, context.runner()));
        this.incidents = new com.sessiondesk.client.incidents.Incidents(context, clock, logoutDialogs,
                outcome -> sessionsViewModel.removeEnded(outcome.endedSessionIds()));
        sessionsViewModel.setFeedListener(incidents.feedListener());
        this.root = Fxml.load("/fxml/main.fxml", this);
        this.autoRefresh = new AutoRefresh(refreshInterval, this::shownView, sessionsViewModel::tick);
    }

    @FXML
    private void initialize() {
        ToggleGroup navigation = new ToggleGroup();
        for (ToggleButton tab : new ToggleButton[] {sessionsTab, usersTab, historyTab, alertsTab}) {
            tab.setToggleGroup(navigation);
        }
        navigation.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one view is always shown
            } else {
                show(now);
            }
        });
        navigation.selectToggle(sessionsTab);
        signOutButton.setOnAction(e -> {
            if (context.dialogs().confirm(Messages.get("main.signOut"), Messages.get("main.signOut.question"),
                    Messages.get("main.signOut.detail"), Messages.get("main.signOut"))) {
                onSignOut.run();
            }
        });
        keysButton.setOnAction(e -> showShortcuts());
        notificationPane.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        changePasswordButton.setOnAction(e -> changePassword());
        changePasswordButton.setDisable(true);
        exportProgressBox.visibleProperty().bind(exporter.busyProperty());
        exportProgressBar.progressProperty().bind(exporter.progressProperty());
        exportProgressLabel.textProperty().bind(exporter.progressTextProperty());
        adminLabel.setMinWidth(0); // the only header item that gives way: "…" when nothing else is left (tooltip: all)
        // By the window's width, not the content's: a header wider than the window widens the content too.
        compactHeader = new CompactHeader(mainWindow, appTitle,
                List.of(sessionsTab, usersTab, historyTab, alertsTab, changePasswordButton, signOutButton));
        content.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                scene.widthProperty().addListener((o, was, width) -> compactHeader.fit(width.doubleValue()));
                compactHeader.fit(scene.getWidth());
            }
        });
        bindAlertCount();
        // the count on the Alerts tab widens the header when it shows
        alertCountLabel.visibleProperty().addListener((obs, was, shown) -> {
            if (mainWindow.getScene() != null) {
                compactHeader.fit(mainWindow.getScene().getWidth());
            }
        });
        for (Labeled named : new Labeled[] {sessionsTab, usersTab, historyTab, changePasswordButton, signOutButton}) {
            named.setAccessibleText(named.getText()); // still named when narrow shows only the icon
        }
    }

    /** The header's indicator: the open alerts' count on the Alerts tab (hidden at 0), named for screen readers. */
    private void bindAlertCount() {
        var open = incidents.alerts().openCountProperty();
        alertCountLabel.textProperty().bind(open.asString());
        alertCountLabel.visibleProperty().bind(open.greaterThan(0));
        alertCountLabel.managedProperty().bind(alertCountLabel.visibleProperty());
        alertsTab.accessibleTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> Messages.get("main.nav.alerts") + ", " + Messages.format("main.nav.alerts.count", open.get()), open));
    }

    private Refreshable shownView() {
        if (service == null) {
            return null;
        }
        if (alertsTab.isSelected()) {
            return incidents;
        }
        if (usersTab.isSelected()) {
            return usersViewModel;
        }
        return historyTab.isSelected() ? historyViewModel : sessionsViewModel;
    }

    private void show(Toggle tab) {
        notificationPane.hide();
        if (tab == usersTab) {
            if (usersView == null) {
                usersViewModel = new UsersViewModel(context, clock, sessionsViewModel::sessionsOf, logoutDialogs);
                usersView = new UsersController(usersViewModel, exporter);
            }
            content.getChildren().setAll(usersView.root());
            if (service != null) {
                usersViewModel.connect(service);
            }
        } else if (tab == alertsTab) {
            content.getChildren().setAll(incidents.show());
        } else if (tab == historyTab) {
            if (historyView == null) {
                historyViewModel = new HistoryViewModel(context, clock, sessionsViewModel::deviceOf);
                historyView = new HistoryController(historyViewModel, exporter);
            }
            content.getChildren().setAll(historyView.root());
            if (service != null) {
                historyViewModel.connect(service);
            }
        } else {
            content.getChildren().setAll(sessionsView.root());
            if (!sessionsViewModel.state().isLoading()) {
                sessionsViewModel.refresh(); // a no-op until connected
            }
        }
        if (autoRefresh != null) {
            autoRefresh.restart();
        }
    }

    /** Ctrl+1, Ctrl+2, Ctrl+3. */
    public void showView(int number) {
        ToggleButton tab = switch (number) {
            case 2 -> usersTab;
            case 3 -> historyTab;
            case 4 -> alertsTab;
            default -> sessionsTab;
        };
        tab.setSelected(true);
        tab.requestFocus();
    }

    /** "Change my password" of the signed-in super user (client/password). */
    private void changePassword() {
        ChangePasswordViewModel change = service == null ? null : new ChangePasswordViewModel(context, service);
        if (change != null && ChangePasswordDialog.show(root.getScene().getWindow(), change)) {
            notify(change.done());
        }
    }

    /** While the built-in service starts: the window is there, the table shows progress. */
    public void connecting(String what) {
        adminLabel.setText(what);
        adminLabel.setTooltip(new javafx.scene.control.Tooltip(what));
        sessionsViewModel.expectConnection();
    }

    public void connect(AdminService adminService) {
        this.service = adminService;
        changePasswordButton.setDisable(false);
        // the name in the header, the server too in its tooltip (and in the window's title)
        adminLabel.setText(Messages.format("main.admin.name", adminService.admin().name(), adminService.admin().username()));
        adminLabel.setTooltip(new javafx.scene.control.Tooltip(Messages.format("main.admin",
                adminService.admin().name(), adminService.admin().username(), adminService.serverLabel())));
        sessionsViewModel.connect(adminService);
        incidents.connect(adminService);
        if (alertsTab.isSelected()) {
            incidents.show();
        }
        if (usersViewModel != null && usersTab.isSelected()) {
            usersViewModel.connect(adminService);
        }
        if (historyViewModel != null && historyTab.isSelected()) {
            historyViewModel.connect(adminService);
        }
    }

    /** Signed out or the sign-in was lost: nothing of the old server stays, searches included. */
    public void disconnect() {
        service = null;
        changePasswordButton.setDisable(true);
        sessionsViewModel.disconnect();
        incidents.disconnect();
        if (usersViewModel != null) {
            usersViewModel.disconnect();
        }
        if (historyViewModel != null) {
            historyViewModel.disconnect();
        }
        sessionsTab.setSelected(true);
    }

    /** What an action did: a bar at the bottom of the window, until closed, replaced or the view changes. */
    public void notify(String text) {
        Region icon = Icons.of("check-circle-outline");
        icon.getStyleClass().addAll("icon-size-18", "notification-icon");
        notificationPane.show(text, icon);
        // It closes by itself after a while (or with its close button); it shows at the top of the
        // view, never over the footer's "Updated …" and status.
        notificationClose.setOnFinished(e -> notificationPane.hide());
        notificationClose.playFromStart();
        // ControlsFX's close button is an icon: name it for screen readers once its skin exists
        Platform.runLater(() -> notificationPane.lookupAll(".close-button").forEach(node -> {
            node.setAccessibleRole(AccessibleRole.BUTTON);
            node.setAccessibleText(Messages.get("main.notification.close"));
        }));
    }

    /**
     * The Language menu: the system's language or one of {@link Messages#LANGUAGES}; a choice is
     * handed to {@code onChosen} (null for the system's) and applies at the next start.
     */
    public void offerLanguages(String remembered, Consumer<String> onChosen) {
        languageMenu.setText(Messages.get("main.language.code")); // this run's language: "EN", "ES"
        ToggleGroup group = new ToggleGroup();
        List<String> choices = new ArrayList<>();
        choices.add(null);
        choices.addAll(Messages.LANGUAGES);
        for (String language : choices) {
            RadioMenuItem item = new RadioMenuItem(language == null ? Messages.get("main.language.system")
                    : languageName(language, Messages.locale()));
            item.setId(language == null ? "language-system" : "language-" + language);
            item.setToggleGroup(group);
            item.setSelected(java.util.Objects.equals(language, remembered));
            item.setOnAction(e -> {
                onChosen.accept(language);
                notify(Messages.get("main.language.changed"));
            });
            languageMenu.getItems().add(item);
        }
    }

    /** The Text size menu: a choice goes to {@code onChosen}, which applies and remembers it. */
    public void offerTextSizes(Consumer<TextSize> onChosen) {
        TextSizeMenu.fill(textSizeMenu, onChosen);
    }

    /** After the text size changed (menu or keyboard): the menu and the header follow. */
    public void showTextSize(TextSize size) {
        TextSizeMenu.show(textSizeMenu, size);
        if (root.getScene() != null) {
            compactHeader.fit(root.getScene().getWidth());
        }
    }

    /** A language's name in the language of the texts shown ("Inglés" in Spanish), as the JDK's locale data say it. */
    static String languageName(String language, Locale shown) {
        String name = Locale.forLanguageTag(language).getDisplayLanguage(shown);
        return name.isEmpty() ? language : name.substring(0, 1).toUpperCase(shown) + name.substring(1);
    }

    /** F1 and the keyboard button: the list of shortcuts. */
    public void showShortcuts() {
        ShortcutsDialog.show(root.getScene() == null ? null : root.getScene().getWindow());
    }

    /** F5 / Ctrl+R. */
    public void refreshCurrent() {
        Refreshable view = shownView();
        if (view != null) {
            view.refresh();
        }
    }

    /** Ctrl+E: the current view's rows, as shown, to a CSV file. */
    public void exportCurrent() {
        if (usersTab.isSelected() && usersView != null) {
            usersView.export();
        } else if (historyTab.isSelected() && historyView != null) {
            historyView.export();
        } else {
            sessionsView.export();
        }
    }

    /** The window closes: the views stop their timers. */
    public void stop() {
        sessionsView.stop();
    }

    /** Ctrl+F. */
    public void focusSearch() {
        if (usersTab.isSelected() && usersView != null) {
            usersView.focusSearch();
        } else if (historyTab.isSelected() && historyView != null) {
            historyView.focusSearch();
        } else if (alertsTab.isSelected()) {
            incidents.focus();
        } else {
            sessionsView.focusSearch();
        }
    }

    public Parent root() {
        return root;
    }

    /** The light / dark switch in the header (selected = dark); the shell applies and remembers it. */
    public ToggleButton themeToggle() {
        return themeToggle;
    }

    public SessionsViewModel sessions() {
        return sessionsViewModel;
    }
}

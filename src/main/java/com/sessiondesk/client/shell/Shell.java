package com.sessiondesk.client.shell;

import com.sessiondesk.common.AppDirs;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.FileChoice;
import com.sessiondesk.client.common.StartupTrace;
import com.sessiondesk.client.common.TaskRunner;
import com.sessiondesk.client.common.TextSize;
import com.sessiondesk.client.common.Theme;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.connect.ConnectController;
import com.sessiondesk.client.connect.ConnectViewModel;
import com.sessiondesk.client.logout.LogoutDialogs;
import com.sessiondesk.client.service.AdminService;
import com.sessiondesk.client.common.ClientSettings;
import com.sessiondesk.client.service.Connector;
import com.sessiondesk.client.service.EmbeddedService;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The window and what it shows: the connect screen or the main views. Decides how to start (the
 * built-in service, or a server to sign in to) and goes back to the connect screen on sign-out or
 * when the server no longer accepts the admin's token.
 */
public final class Shell {

    private final Stage stage;
    private final ClientOptions options;
    private final TaskRunner runner;
    private final Connector connector;
    private final EmbeddedService embedded = EmbeddedService.takeEarlyOrNew();
    private final ClientSettings settings = new ClientSettings(AppDirs.dataDir());
    private final StackPane windowRoot = new StackPane();
    private final ViewContext context;
    private final SmokeTest smokeTest;
    private final Clock clock;
    private MainController main;
    private ConnectController connectView;
    private ConnectViewModel connectViewModel;
    private AdminService service;

    public Shell(Stage stage, ClientOptions options, TaskRunner runner, IntConsumer exitCode) {
        this(stage, options, runner, exitCode, FileChoice.fileChooser(), Clock.systemDefaultZone());
    }

    /**
     * @param fileChoice where exports are saved (tests answer the file chooser themselves)
     * @param clock the client's now
     */
    public Shell(Stage stage, ClientOptions options, TaskRunner runner, IntConsumer exitCode, FileChoice fileChoice,
            Clock clock) {
        this.clock = clock;
        this.stage = stage;
        this.options = options;
        this.runner = runner;
        this.connector = new Connector(Duration.ofSeconds(5), options.readTimeout(), options.trustedCertificates());
        this.context = new ViewContext(runner, new FxDialogService(stage, fileChoice), this::notify, this::signInLost);
        this.smokeTest = options.smokeTest() ? new SmokeTest(exitCode) : null;
    }

    /** Shows the window at once; the built-in service and the first load run in the background. */
    public void start() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        WindowSize size = WindowSize.fit(screen);
        Scene scene = new Scene(windowRoot, size.width(), size.height());
        scene.getStylesheets().addAll(Theme.stylesheets());
        installShortcuts(scene);
        stage.setTitle(Messages.get("app.name"));
        stage.getIcons().add(new Image(Shell.class.getResource("/assets/icons/sessiondesk-128.png").toExternalForm(), true));
        stage.setMinWidth(Math.min(WindowSize.MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(WindowSize.MIN_HEIGHT, screen.getHeight()));
        stage.setScene(scene);
        // The first window fits the screen's visual bounds (scaled displays, task bars): centered in them.
        stage.setX(screen.getMinX() + (screen.getWidth() - size.width()) / 2);
        stage.setY(screen.getMinY() + Math.max(0, (screen.getHeight() - size.height() - WindowSize.DECORATION) / 2));
        // The window shows at once with what is happening; the views are built on the next pulse.
        Label starting = new Label(Messages.get("main.startingApp"));
        starting.getStyleClass().add("text-muted");
        VBox splash = new VBox(12, new ProgressIndicator(), starting);
        splash.setAlignment(Pos.CENTER);
        windowRoot.getChildren().setAll(splash);
        stage.show();
        StartupTrace.mark("window shown");
        afterFirstFrame(this::showFirstView);
    }

    /**
     * Runs in the second pulse after the window showed: the first one drew it (a plain runLater
     * would run before any and keep it blank; an animation timer runs at the start of a pulse).
     */
    private static void afterFirstFrame(Runnable action) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames == 2) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    private void showFirstView() {
        ClientSettings.Remembered remembered = settings.load();
        if (startsEmbedded(options, remembered)) {
            useEmbedded();
        } else {
            String server = options.serverUrl() != null ? options.serverUrl() : remembered.serverUrl();
            showConnect(server, remembered.username(), null);
        }
        StartupTrace.mark("first view built");
        if (smokeTest != null) {
            smokeTest.watch(main());
        }
    }

    /** The built-in service unless a server is given or remembered (and --embedded not given). */
    public static boolean startsEmbedded(ClientOptions options) {
        return startsEmbedded(options, new ClientSettings(AppDirs.dataDir()).load());
    }

    private static boolean startsEmbedded(ClientOptions options, ClientSettings.Remembered remembered) {
        return options.embedded() || (options.serverUrl() == null && remembered.serverUrl() == null);
    }

    private MainController main() {
        if (main == null) {
            main = new MainController(context, clock, options.refreshInterval(), options.liveInterval(), settings,
                    LogoutDialogs.over(stage), this::signOut);
            installThemeSwitch(main);
            main.offerTextSizes(this::useTextSize);
            main.offerLanguages(settings.preference(ClientSettings.LANGUAGE), language -> runner.run(() -> {
                settings.savePreference(ClientSettings.LANGUAGE, language);
                return null;
            }, ignored -> { }, error -> { }));
        }
        return main;
    }

    /** The header's light / dark switch: applied to every window at once, remembered for the next start. */
    private void installThemeSwitch(MainController view) {
        view.themeToggle().setSelected(Theme.current() == Theme.Mode.DARK);
        view.themeToggle().selectedProperty().addListener((obs, was, dark) -> {
            Theme.Mode mode = dark ? Theme.Mode.DARK : Theme.Mode.LIGHT;
            Theme.apply(mode);
            runner.run(() -> {
                settings.savePreference(ClientSettings.THEME, mode.remembered());
                return null;
            }, ignored -> { }, error -> { }); // not remembered: the next start is light, nothing else breaks
        });
    }

    /** A text size from the header's menu or the keyboard: applied to every window at once, remembered. */
    private void useTextSize(TextSize size) {
        Theme.apply(size);
        if (main != null) {
            main.showTextSize(size);
        }
        runner.run(() -> {
            settings.savePreference(ClientSettings.TEXT_SIZE, size.remembered());
            return null;
        }, ignored -> { }, error -> { }); // not remembered: the next start has normal text, nothing else breaks
    }

    /** The built-in demo service: started in the background while the window already shows. */
    private void useEmbedded() {
        MainController view = main();
        windowRoot.getChildren().setAll(view.root());
        stage.setTitle(Messages.get("app.name"));
        view.connecting(Messages.get("main.starting"));
        runner.run(() -> embedded.connect(connector), this::signedIn, error -> {
            String message = Messages.format("main.startFailed", error.message());
            if (smokeTest != null) {
                smokeTest.fail(message);
            }
            showConnect(null, null, message);
        });
        forgetServer();
    }

    /** Choosing the demo makes it the default again at the next start. */
    private void forgetServer() {
        if (options.serverUrl() != null) {
            return; // a server given on the command line is not the admin's choice to forget
        }
        ClientSettings.Remembered remembered = settings.load();
        if (remembered.serverUrl() != null) {
            runner.run(() -> {
                settings.save(null, remembered.username());
                return null;
            }, ignored -> { }, error -> { });
        }
    }

    private void signedIn(AdminService signedIn) {
        StartupTrace.mark("signed in");
        this.service = signedIn;
        MainController view = main();
        windowRoot.getChildren().setAll(view.root());
        stage.setTitle(Messages.format("main.title.server", signedIn.serverLabel()));
        view.connect(signedIn);
    }

    private void showConnect(String url, String username, String reason) {
        if (connectView == null) {
            connectViewModel = new ConnectViewModel(runner, connector::signIn, settings, this::signedIn);
            connectView = new ConnectController(connectViewModel, this::useEmbedded);
        }
        connectViewModel.prefill(url, username, reason);
        windowRoot.getChildren().setAll(connectView.root());
        stage.setTitle(Messages.get("main.title.signIn"));
        connectView.focusFirstEmpty();
    }

    private void signOut() {
        AdminService ending = service;
        service = null;
        if (main != null) {
            main.disconnect();
        }
        if (ending != null) {
            runner.run(() -> {
                ending.signOut();
                return null;
            }, ignored -> { }, error -> { }); // the token expires on its own if the server is gone
        }
        ClientSettings.Remembered remembered = settings.load();
        showConnect(remembered.serverUrl(), remembered.username(), null);
    }

    /** 401 from any view: back to the connect screen with the reason. */
    private void signInLost(String reason) {
        if (service == null) {
            return; // already on the connect screen
        }
        service = null;
        main.disconnect();
        ClientSettings.Remembered remembered = settings.load();
        showConnect(remembered.serverUrl(), remembered.username(), reason);
    }

    private void notify(String text) {
        if (main != null) {
            main.notify(text);
        }
    }

    private void installShortcuts(Scene scene) {
        Runnable refresh = () -> {
            if (service != null) {
                main.refreshCurrent();
            }
        };
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN), () -> {
            if (service != null) {
                main.exportCurrent();
            }
        });
        // Larger, smaller, normal text, as in a browser (Ctrl+= is Ctrl+Plus without Shift on many keyboards).
        for (KeyCode larger : new KeyCode[] {KeyCode.PLUS, KeyCode.EQUALS, KeyCode.ADD}) {
            scene.getAccelerators().put(new KeyCodeCombination(larger, KeyCombination.SHORTCUT_DOWN),
                    () -> useTextSize(Theme.textSize().step(1)));
        }
        for (KeyCode smaller : new KeyCode[] {KeyCode.MINUS, KeyCode.SUBTRACT}) {
            scene.getAccelerators().put(new KeyCodeCombination(smaller, KeyCombination.SHORTCUT_DOWN),
                    () -> useTextSize(Theme.textSize().step(-1)));
        }
        for (KeyCode normal : new KeyCode[] {KeyCode.DIGIT0, KeyCode.NUMPAD0}) {
            scene.getAccelerators().put(new KeyCodeCombination(normal, KeyCombination.SHORTCUT_DOWN),
                    () -> useTextSize(TextSize.NORMAL));
        }
        KeyCode[] views = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4};
        for (int i = 0; i < views.length; i++) {
            int number = i + 1;
            scene.getAccelerators().put(new KeyCodeCombination(views[i], KeyCombination.SHORTCUT_DOWN), () -> {
                if (service != null) {
                    main.showView(number);
                }
            });
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            if (service != null) {
                main.focusSearch();
            }
        });
        // F1 lists every shortcut (ShortcutsDialog, docs/user-guide.md); Ctrl+E is reserved for
        // exporting the view.
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), () -> {
            if (main != null && windowRoot.getChildren().contains(main.root())) {
                main.showShortcuts();
            }
        });
    }

    /** On exit: the built-in service closes, without holding up the exit if it hangs. */
    public void close() {
        if (main != null) {
            main.stop();
        }
        Thread closer = new Thread(embedded::close, "sessiondesk-embedded-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}

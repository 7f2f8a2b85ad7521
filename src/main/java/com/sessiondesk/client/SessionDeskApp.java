package com.sessiondesk.client;

import com.sessiondesk.client.common.FileChoice;
import com.sessiondesk.client.common.FxTaskRunner;
import com.sessiondesk.common.AppDirs;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.StartupTrace;
import com.sessiondesk.client.common.TextSize;
import com.sessiondesk.client.common.Theme;
import com.sessiondesk.client.common.ClientSettings;
import com.sessiondesk.client.shell.ClientOptions;
import com.sessiondesk.client.shell.Shell;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The SessionDesk desktop client. Without options it reads them from its launch parameters; tests
 * pass them to the constructor.
 */
public class SessionDeskApp extends Application {

    private final ClientOptions givenOptions;
    private final FileChoice fileChoice;
    private final java.time.Clock clock;
    private FxTaskRunner runner;
    private Shell shell;

    public SessionDeskApp() {
        this(null);
    }

    public SessionDeskApp(ClientOptions options) {
        this(options, FileChoice.fileChooser());
    }

    /** @param fileChoice answers "where to save" for exports (tests give the file themselves) */
    public SessionDeskApp(ClientOptions options, FileChoice fileChoice) {
        this(options, fileChoice, java.time.Clock.systemDefaultZone());
    }

    /** @param clock the client's now (tests move it with the server's to let a block lapse) */
    public SessionDeskApp(ClientOptions options, FileChoice fileChoice, java.time.Clock clock) {
        this.givenOptions = options;
        this.fileChoice = fileChoice;
        this.clock = clock;
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("application start");
        ClientOptions options = givenOptions != null ? givenOptions : ClientOptions.parse(getParameters().getRaw());
        ClientSettings settings = new ClientSettings(AppDirs.dataDir());
        Messages.choose(settings.preference(ClientSettings.LANGUAGE)); // before any text is made
        Theme.apply(Theme.Mode.of(settings.preference(ClientSettings.THEME)));
        Theme.apply(TextSize.of(settings.preference(ClientSettings.TEXT_SIZE)));
        runner = new FxTaskRunner(5); // one of them follows the change feed's stream
        shell = new Shell(stage, options, runner, ClientLauncher::setExitCode, fileChoice, clock);
        shell.start();
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
        if (runner != null) {
            runner.shutdown();
        }
    }
}

package com.sessiondesk.client;

import com.sessiondesk.client.common.FxTaskRunner;
import com.sessiondesk.AppDirs;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.StartupTrace;
import com.sessiondesk.client.common.Theme;
import com.sessiondesk.client.service.ClientSettings;
import com.sessiondesk.client.shell.Shell;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The SessionDesk desktop client. Without options it reads them from its launch parameters; tests
 * pass them to the constructor.
 */
public class SessionDeskApp extends Application {

    private final ClientOptions givenOptions;
    private FxTaskRunner runner;
    private Shell shell;

    public SessionDeskApp() {
        this(null);
    }

    public SessionDeskApp(ClientOptions options) {
        this.givenOptions = options;
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("application start");
        ClientOptions options = givenOptions != null ? givenOptions : ClientOptions.parse(getParameters().getRaw());
        ClientSettings settings = new ClientSettings(AppDirs.dataDir());
        Messages.choose(settings.preference(ClientSettings.LANGUAGE)); // before any text is made
        Theme.apply(Theme.Mode.of(settings.preference(ClientSettings.THEME)));
        runner = new FxTaskRunner(4);
        shell = new Shell(stage, options, runner, ClientLauncher::setExitCode);
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

package com.sessiondesk.client;

import com.sessiondesk.client.common.FileChoice;
import com.sessiondesk.client.common.FxTaskRunner;
import com.sessiondesk.client.common.StartupTrace;
import com.sessiondesk.client.shell.Shell;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The SessionDesk desktop client. Without options it reads them from its launch parameters; tests
 * pass them to the constructor.
 */
public class SessionDeskApp extends Application {

    /** AtlantaFX's Primer Light, copied into assets/ (see assets/css/atlantafx/README.md for why). */
    static final String THEME = "/assets/css/atlantafx/primer-light.bss";

    private final ClientOptions givenOptions;
    private final FileChoice fileChoice;
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
        this.givenOptions = options;
        this.fileChoice = fileChoice;
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("application start");
        ClientOptions options = givenOptions != null ? givenOptions : ClientOptions.parse(getParameters().getRaw());
        Application.setUserAgentStylesheet(SessionDeskApp.class.getResource(THEME).toExternalForm());
        runner = new FxTaskRunner(4);
        shell = new Shell(stage, options, runner, ClientLauncher::setExitCode, fileChoice);
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

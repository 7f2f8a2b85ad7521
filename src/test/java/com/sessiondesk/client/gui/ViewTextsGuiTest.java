package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.connect.ConnectController;
import com.sessiondesk.client.connect.ConnectViewModel;
import com.sessiondesk.client.common.ClientSettings;
import com.sessiondesk.client.shell.MainController;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Control;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks the scene graph of every view, with a bundle that marks each of its texts (⟪...⟫): a text
 * shown without the mark was written into the code instead of taken from i18n/messages.properties.
 * The same walk checks accessibility: every icon-only button and every badge has an accessible text.
 */
class ViewTextsGuiTest {

    static final String MARK = "⟪";
    static final Instant NOW = Instant.now();

    @TempDir
    Path dir;

    /** Every English text, marked; MessageFormat patterns keep working inside the marks. */
    static final class MarkedBundle extends ResourceBundle {
        private final ResourceBundle english = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

        @Override
        protected Object handleGetObject(String key) {
            return english.containsKey(key) ? MARK + english.getString(key) + "⟫" : null;
        }

        @Override
        public Enumeration<String> getKeys() {
            return english.getKeys();
        }

        @Override
        public Locale getLocale() {
            return Locale.ENGLISH;
        }
    }

    @BeforeEach
    void markTexts() throws Exception {
        FxToolkit.registerPrimaryStage();
        Messages.use(new MarkedBundle());
    }

    @AfterEach
    void englishAgain() {
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void everyTextOfTheMainViewsComesFromTheBundleAndEveryIconHasAName() throws Exception {
        FakeAdminService service = new FakeAdminService();
        service.sessions.add(FakeAdminService.session("s1", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver",
                NOW.minusSeconds(60), 3, true));
        service.sessions.add(FakeAdminService.session("s2", "dave.stone", "Dave Stone", "Pixel 8", "EVV",
                NOW.minusSeconds(600), 0, false));
        service.users.add(FakeAdminService.user("dave.stone", "Dave Stone", true, 1));
        service.users.add(FakeAdminService.user("bob.aide", "Bob Aide", false, 1));
        TestContexts t = new TestContexts();
        MainController main = fx(() -> new MainController(t.context, Clock.systemDefaultZone(), Duration.ZERO, Duration.ZERO,
                new ClientSettings(dir), t.dialogs, () -> { }));
        fx(() -> {
            main.offerLanguages(null, language -> { });
            main.connect(service);
            return null;
        });
        showInWindow(main.root());
        List<String> problems = new ArrayList<>();
        for (int view = 1; view <= 3; view++) {
            int number = view;
            fx(() -> {
                main.showView(number);
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            problems.addAll(fx(() -> check(main.root(), "view " + number)));
        }
        fx(() -> {
            main.notify(Messages.get("main.language.changed"));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        problems.addAll(fx(() -> check(main.root(), "with a notification")));
        assertThat(problems).isEmpty();
    }

    @Test
    void everyTextOfTheConnectScreenComesFromTheBundle() throws Exception {
        ConnectController connect = fx(() -> new ConnectController(new ConnectViewModel(
                com.sessiondesk.client.common.TaskRunner.inline(), (url, user, password) -> {
                    throw new IllegalStateException("not signing in");
                }, new ClientSettings(dir), signedIn -> { }), () -> { }));
        showInWindow(connect.root());
        assertThat(fx(() -> check(connect.root(), "connect"))).isEmpty();
    }

    private static void showInWindow(Parent root) throws Exception {
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(root, 1280, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {
            root.applyCss();
            root.layout();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Texts without the mark outside table cells (cells show data); icons and badges without a name. */
    private static List<String> check(Node node, String where) {
        List<String> problems = new ArrayList<>();
        walk(node, false, where, problems);
        return problems;
    }

    private static void walk(Node node, boolean inCell, String where, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        boolean cell = inCell || node instanceof IndexedCell<?>;
        if (node instanceof Labeled labeled && !cell) {
            unmarked(labeled.getText(), where + " " + describe(node), problems);
        }
        if (node instanceof TextInputControl input) {
            unmarked(input.getPromptText(), where + " prompt of " + describe(node), problems);
        }
        if (node instanceof Control control && control.getTooltip() != null) {
            unmarked(control.getTooltip().getText(), where + " tooltip of " + describe(node), problems);
        }
        unmarked(node.getAccessibleText(), where + " accessible text of " + describe(node), problems);
        boolean iconOnly = node instanceof ButtonBase button && (button.getText() == null || button.getText().isBlank());
        boolean badge = node.getStyleClass().contains("row-badge");
        boolean closeIcon = node.getStyleClass().contains("close-button");
        if ((iconOnly || badge || closeIcon) && (node.getAccessibleText() == null || node.getAccessibleText().isBlank())) {
            problems.add(where + ": no accessible text for " + describe(node));
        }
        if (node instanceof ToggleButton toggle && toggle.getStyleClass().contains("theme-toggle")) {
            assertThat(toggle.getAccessibleText()).isNotBlank();
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, cell, where, problems);
            }
        }
    }

    private static void unmarked(String text, String what, List<String> problems) {
        if (text != null && !text.isBlank() && !text.contains(MARK)) {
            problems.add(what + ": \"" + text + "\" is not from the bundle");
        }
    }

    private static String describe(Node node) {
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + node.getStyleClass();
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}

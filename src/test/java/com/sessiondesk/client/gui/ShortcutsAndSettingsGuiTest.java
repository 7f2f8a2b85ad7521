package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.User;
import com.sessiondesk.client.common.ClientSettings;
import com.sessiondesk.common.AppDirs;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** The window around the views: Ctrl+digit shortcuts, the theme and language settings, the sign-out question, the selected row. */
class ShortcutsAndSettingsGuiTest extends SharedServerGuiTest {

    @Test
    void theThemeSwitchAndTheLanguageAreRememberedAndCtrlDigitsSwitchViews() throws Exception {
        openSignedIn();
        Path settings = AppDirs.dataDir().resolve(ClientSettings.FILE_NAME);
        clickOn(node("#themeToggle", ToggleButton.class));
        waitUntil("the dark theme is on", () -> Application.getUserAgentStylesheet().contains("primer-dark"));
        waitUntil("and remembered", () -> Files.isRegularFile(settings) && Files.readString(settings).contains("theme=dark"));
        clickOn(node("#themeToggle", ToggleButton.class));
        waitUntil("light again, remembered", () -> Application.getUserAgentStylesheet().contains("primer-light")
                && Files.readString(settings).contains("theme=light"));

        press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        waitUntil("Ctrl+2 shows User Accounts", () -> showing("#usersTable"));
        press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        waitUntil("Ctrl+3 shows History", () -> showing("#auditTable"));
        press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        waitUntil("Ctrl+1 shows Active Sessions", () -> showing("#sessionsTable"));

        MenuButton languages = node("#languageMenu", MenuButton.class);
        MenuItem spanish = fx(() -> languages.getItems().stream().filter(i -> "language-es".equals(i.getId())).findFirst().orElseThrow());
        MenuItem system = fx(() -> languages.getItems().stream().filter(i -> "language-system".equals(i.getId())).findFirst().orElseThrow());
        try {
            fx(() -> {
                spanish.fire();
                return null;
            });
            waitUntil("Spanish is remembered for the next start", () -> Files.readString(settings).contains("language=es"));
            assertThat(notification()).contains("next start");
        } finally {
            fx(() -> {
                system.fire();
                return null;
            });
            waitUntil("the system's language again", () -> !Files.readString(settings).contains("language="));
        }
    }

    @Test
    void ctrlDigitsSwitchViewsSignOutAsksFirstAndTheSelectedRowStandsOut() throws Exception {
        openSignedIn();
        TableView<Object> table = sessions();
        clickRow(table, 0);
        Color selectedColor = rowColor(table, 0);
        Color stripe = rowColor(table, 1);
        assertThat(distance(selectedColor, stripe)).as("selected %s vs stripe %s", selectedColor, stripe)
                .isGreaterThan(0.15);

        push(KeyCode.CONTROL, KeyCode.DIGIT2);
        waitUntil("Ctrl+2: User Accounts", () -> showing("#usersTable"));
        push(KeyCode.CONTROL, KeyCode.DIGIT3);
        waitUntil("Ctrl+3: History", () -> showing("#auditTable"));
        push(KeyCode.CONTROL, KeyCode.DIGIT1);
        waitUntil("Ctrl+1: Active Sessions", () -> showing("#sessionsTable"));

        click("#signOutButton");
        waitUntil("Sign out asks first", () -> showing("#confirmDialog"));
        waitUntil("Cancel has the focus", () -> focusOwner().map(n -> n instanceof Button b && "Cancel".equals(b.getText())).orElse(false));
        focusDialogWindow("confirmDialog");
        push(KeyCode.SPACE); // Cancel has the focus
        waitUntil("the question closes", () -> !showing("#confirmDialog"));
        assertThat(showing("#sessionsTable")).as("still signed in").isTrue();
    }

    /** The color a row's background shows in its middle (its fills composed). */
    private Color rowColor(TableView<Object> table, int index) {
        return fx(() -> {
            TableRow<?> row = drawnRow(table, index);
            Color color = Color.WHITE;
            for (BackgroundFill fill : row.getBackground().getFills()) {
                if (fill.getFill() instanceof Color c && fill.getInsets().getLeft() < row.getWidth() / 2) {
                    double a = c.getOpacity();
                    color = new Color(c.getRed() * a + color.getRed() * (1 - a), c.getGreen() * a + color.getGreen() * (1 - a),
                            c.getBlue() * a + color.getBlue() * (1 - a), 1);
                }
            }
            return color;
        });
    }

    private static double distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }
}

package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.common.AppDirs;
import com.sessiondesk.client.common.ClientSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.Test;

/** The real window's desktop craft: search field, filters, theme, language, keyboard. */
class CraftGuiTest extends SharedServerGuiTest {

    @Test
    void escapeClearsTheSearchAndSeveralApplicationsCanBeTicked() throws Exception {
        openSignedIn();
        int all = rowCount(sessions());
        typeInto("#searchField", "no-such-user-anywhere");
        waitUntil("nothing matches", () -> rowCount(sessions()) == 0);
        clickOn("#searchField");
        type(KeyCode.ESCAPE);
        waitUntil("Esc cleared the search", () -> fx(() -> node("#searchField", TextField.class).getText()).isEmpty()
                && rowCount(sessions()) == all);

        @SuppressWarnings("unchecked")
        CheckComboBox<String> apps = node("#applicationFilter", CheckComboBox.class);
        List<String> choices = fx(() -> List.copyOf(apps.getItems()));
        assertThat(choices).hasSizeGreaterThanOrEqualTo(2);
        fx(() -> {
            apps.getCheckModel().check(choices.get(0));
            return null;
        });
        waitUntil("only the ticked application", () -> rowCount(sessions()) < all
                && columnTexts(sessions(), "Application").stream().allMatch(a -> a.startsWith(choices.get(0))));
        int one = rowCount(sessions());
        fx(() -> {
            apps.getCheckModel().check(choices.get(1));
            return null;
        });
        waitUntil("both ticked applications", () -> rowCount(sessions()) > one
                && columnTexts(sessions(), "Application").stream()
                        .allMatch(a -> a.startsWith(choices.get(0)) || a.startsWith(choices.get(1))));
        fx(() -> {
            apps.getCheckModel().clearChecks();
            return null;
        });
        waitUntil("every application again", () -> rowCount(sessions()) == all);
    }

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
    void ctrlBOpensTheLogoutDialogWithBlockTickedAndF1ListsTheShortcuts() throws Exception {
        openSignedIn();
        clickOn(sessions());
        fx(() -> {
            sessions().getSelectionModel().clearAndSelect(0);
            sessions().requestFocus();
            return null;
        });
        press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        waitUntil("the dialog opens", () -> showing("#logoutDialog"));
        assertThat(fx(() -> node("#blockUserCheckBox", CheckBox.class).isSelected())).as("Block ticked").isTrue();
        DialogPane dialog = node("#logoutDialog", DialogPane.class);
        clickOn(dialogButton(dialog, "Cancel"));
        waitUntil("the dialog closes", () -> !showing("#logoutDialog"));

        press(KeyCode.F1).release(KeyCode.F1);
        waitUntil("F1 lists the shortcuts", () -> showing("#shortcutsDialog"));
        assertThat(textsUnder(node("#shortcutsDialog", DialogPane.class))).contains("Ctrl+E", "Ctrl+B", "F5");
        type(KeyCode.ESCAPE);
        waitUntil("Esc closes it", () -> !showing("#shortcutsDialog"));
    }
}

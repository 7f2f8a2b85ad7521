package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.client.common.ClientSettings;
import com.sessiondesk.client.common.TextSize;
import com.sessiondesk.client.common.Theme;
import com.sessiondesk.common.AppDirs;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * 150 % text, as an office user with large text sets it (the header's Text size menu, or
 * Ctrl+Plus): every view and dialog grows, the choice is remembered, and at the minimum window
 * width no control of the header or of a view's toolbar leaves the window.
 */
class TextSizeGuiTest extends SharedServerGuiTest {

    private static ClientSettings settings() {
        return new ClientSettings(AppDirs.dataDir());
    }

    @AfterEach
    void normalTextAgain() throws IOException {
        settings().savePreference(ClientSettings.TEXT_SIZE, null);
        fx(() -> {
            Theme.apply(TextSize.NORMAL);
            return null;
        });
    }

    private static double fontSize(Label label) {
        return fx(() -> {
            label.applyCss();
            return label.getFont().getSize();
        });
    }

    @Test
    void ctrlPlusTwiceGivesTextAHalfLargerInTheWindowAndItsDialogsRememberedAndCtrl0MakesItNormal() throws Exception {
        openSignedIn();
        Label count = node("#sessionCountLabel", Label.class);
        assertThat(fontSize(count)).isEqualTo(14.0);
        clickOn(count);
        for (int i = 0; i < 3; i++) { // the third press stays at the largest
            press(KeyCode.CONTROL).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        }
        waitUntil("the text is 150 %", () -> fontSize(count) == 21.0);
        waitUntil("the text size is remembered", () -> "150".equals(settings().preference(ClientSettings.TEXT_SIZE)));
        assertThat(fx(() -> ((javafx.scene.control.MenuButton) lookup("#textSizeMenu").query()).getItems().stream()
                .filter(item -> ((javafx.scene.control.RadioMenuItem) item).isSelected()).map(item -> item.getId()).toList()))
                .containsExactly("textSize-150");

        click("#changePasswordButton");
        waitUntil("the Change password dialog opens", () -> showing("#changePasswordDialog"));
        Label field = fx(() -> (Label) node("#changePasswordDialog", DialogPane.class).lookupAll(".label").stream()
                .filter(n -> n instanceof Label l && l.getLabelFor() != null).findFirst().orElseThrow());
        assertThat(fontSize(field)).as("a dialog's text").isEqualTo(21.0);
        type(KeyCode.ESCAPE);
        waitUntil("the dialog closes", () -> !showing("#changePasswordDialog"));

        clickOn(count);
        press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        waitUntil("the text is 100 % again", () -> fontSize(count) == 14.0);
        waitUntil("100 % is remembered", () -> "100".equals(settings().preference(ClientSettings.TEXT_SIZE)));
    }

    @Test
    void theTextSizeMenuOffersTheThreeSizesFromTheKeyboard() throws Exception {
        openSignedIn();
        Label count = node("#sessionCountLabel", Label.class);
        fx(() -> {
            lookup("#textSizeMenu").query().requestFocus();
            return null;
        });
        type(KeyCode.SPACE);
        waitUntil("the menu opens", () -> showing("#textSize-125") || fx(() ->
                ((javafx.scene.control.MenuButton) lookup("#textSizeMenu").query()).isShowing()));
        type(KeyCode.DOWN, KeyCode.DOWN);
        type(KeyCode.ENTER);
        waitUntil("the text is 125 %", () -> fontSize(count) == 17.5);
    }

    @Test
    void atTheMinimumWidthWith150PercentTextEveryHeaderAndToolbarControlOfEachViewIsInside() throws Exception {
        settings().savePreference(ClientSettings.TEXT_SIZE, "150");
        openSignedIn();
        Stage stage = (Stage) mainWindow().orElseThrow();
        fx(() -> {
            stage.setWidth(900);
            stage.setHeight(700);
            return null;
        });
        waitUntil("the window is 900 wide", () -> fx(() -> Math.abs(stage.getScene().getWidth() - 900) < 40));
        assertThat(fontSize(node("#sessionCountLabel", Label.class))).isEqualTo(21.0);
        List<String> outside = new ArrayList<>();
        for (String tab : List.of("#sessionsTab", "#usersTab", "#historyTab", "#alertsTab")) {
            fx(() -> {
                ((javafx.scene.control.ToggleButton) lookup(tab).query()).fire();
                return null;
            });
            waitUntil(tab + " shows its toolbar", () -> fx(() -> lookup(".toolbar-row").queryAll().stream()
                    .anyMatch(GuiTestBase::reallyVisible)));
            outside.addAll(fx(() -> controlsOutside(stage.getScene(), tab)));
        }
        assertThat(outside).as("controls outside the 900 px window at 150 % text").isEmpty();
    }

    /** The shown header and toolbar controls that are not wholly inside the window. */
    private List<String> controlsOutside(Scene scene, String tab) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        List<String> outside = new ArrayList<>();
        for (Node bar : lookup(".app-header").queryAll()) {
            collectOutside(bar, scene, tab, outside);
        }
        for (Node bar : lookup(".toolbar-row").queryAll()) {
            if (reallyVisible(bar)) {
                collectOutside(bar, scene, tab, outside);
            }
        }
        return outside;
    }

    private static void collectOutside(Node node, Scene scene, String tab, List<String> outside) {
        if (node instanceof javafx.scene.control.Control control && reallyVisible(control)) {
            Bounds b = control.localToScene(control.getBoundsInLocal());
            if (b.getMinX() < -0.5 || b.getMaxX() > scene.getWidth() + 0.5) {
                outside.add(tab + ": " + (control.getId() != null ? control.getId() : control.getClass().getSimpleName())
                        + " at " + Math.round(b.getMinX()) + ".." + Math.round(b.getMaxX()));
            }
            return;
        }
        if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> collectOutside(child, scene, tab, outside));
        }
    }
}

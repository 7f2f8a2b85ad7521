package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Background;
import javafx.scene.layout.Border;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * Every Tab stop of the main window (Active Sessions) draws a focus indicator, and Tab never
 * lands on a hidden or disabled control. The stylesheet draws focus in two ways: a ring border
 * (buttons, filters, check boxes' box, the table) or a two-layer background whose outer layer
 * shows as a frame (text fields, inside their search field).
 */
class TabFocusGuiTest extends SharedServerGuiTest {

    /** The colour the stylesheet draws focus with: a focused button's ring. */
    private static javafx.scene.paint.Paint accent;

    @Test
    void everyTabStopOfTheMainWindowShowsWhereTheFocusIs() throws Exception {
        openSignedIn();
        Stage stage = (Stage) mainWindow().orElseThrow();
        Scene scene = fx(stage::getScene);
        accent = fx(() -> {
            javafx.scene.control.Button refresh = node("#refreshButton", javafx.scene.control.Button.class);
            refresh.requestFocus();
            scene.getRoot().applyCss();
            return refresh.getBorder().getStrokes().get(0).getTopStroke();
        });
        fx(() -> {
            node("#searchField", Node.class).requestFocus();
            return null;
        });
        Map<Node, String> stops = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            push(KeyCode.TAB);
            Node focused = fx(() -> {
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                return scene.getFocusOwner();
            });
            if (focused == null) {
                problems.add("Tab " + i + ": nothing has the focus");
                continue;
            }
            if (stops.containsKey(focused)) {
                break; // round the window once
            }
            String name = describe(focused);
            stops.put(focused, name);
            String problem = fx(() -> !GuiTestBase.reallyVisible(focused) ? "is not visible"
                    : focused.isDisabled() ? "is disabled"
                    : !showsFocus(focused) ? "draws no focus indicator" : null);
            if (problem != null) {
                problems.add(name + " " + problem);
            }
        }
        assertThat(stops).as("the Tab stops").hasSizeGreaterThan(5);
        assertThat(problems).as("Tab stops " + stops.values()).isEmpty();
    }

    private static String describe(Node node) {
        return fx(() -> {
            String name = node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId())
                    + node.getStyleClass();
            for (Parent p = node.getParent(); node.getId() == null && p != null; p = p.getParent()) {
                if (p.getId() != null) {
                    return name + " in #" + p.getId();
                }
            }
            return name;
        });
    }

    /** Whether the node, or the part of it or of its field that shows the focus, draws a ring or a frame. */
    private static boolean showsFocus(Node node) {
        List<Node> candidates = new ArrayList<>();
        candidates.add(node);
        if (node instanceof Parent parent) {
            candidates.addAll(parent.lookupAll(".box")); // a check box's ring is on its box
        }
        if (node instanceof TextInputControl && node.getParent() != null) {
            candidates.add(node.getParent()); // a field inside a search field: the field draws it
        }
        return candidates.stream().anyMatch(TabFocusGuiTest::ringOrFrame);
    }

    private static boolean ringOrFrame(Node node) {
        if (!(node instanceof Region region)) {
            return false;
        }
        Border border = region.getBorder();
        if (border != null && border.getStrokes().stream().anyMatch(s -> s.getWidths().getTop() > 0
                && accent.equals(s.getTopStroke()))) {
            return true;
        }
        Background background = region.getBackground();
        return background != null && background.getFills().size() >= 2
                && accent.equals(background.getFills().get(0).getFill())
                && background.getFills().get(1).getInsets().getTop() >= 2;
    }
}

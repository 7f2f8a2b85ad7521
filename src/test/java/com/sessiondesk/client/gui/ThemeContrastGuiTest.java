package com.sessiondesk.client.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.client.common.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every marker and message reads in both themes: the text of each badge, banner and warning
 * against its own background, and muted text against the view's, have a WCAG contrast of at
 * least 4.5:1 in Primer Light and in Primer Dark (assets/css/sessiondesk.css over the theme).
 */
class ThemeContrastGuiTest {

    /** Style classes of a label (and of its parent, for text on the view's background). */
    record Sample(String what, String parentClass, String... labelClasses) {
    }

    static final List<Sample> SAMPLES = List.of(
            new Sample("blocked badge", "content", "row-badge", "badge-danger"),
            new Sample("unsynced badge", "content", "row-badge", "badge-warning"),
            new Sample("old version badge", "content", "row-badge", "badge-muted"),
            new Sample("active badge", "content", "row-badge", "badge-success"),
            new Sample("error banner", "error-banner", "error-banner-message"),
            new Sample("connect / dialog error", "content", "connect-message"),
            new Sample("logout warning", "content", "logout-warning"),
            new Sample("muted text on a view", "content", "text-muted"),
            new Sample("stale marker on a view", "content", "stale-label"));

    @AfterEach
    void lightAgain() throws Exception {
        fx(() -> {
            Theme.apply(Theme.Mode.LIGHT);
            return null;
        });
    }

    @Test
    void markersAndMessagesReadInBothThemes() throws Exception {
        FxToolkit.registerPrimaryStage();
        List<String> problems = new ArrayList<>();
        for (Theme.Mode mode : Theme.Mode.values()) {
            problems.addAll(fx(() -> contrasts(mode)));
        }
        assertThat(problems).isEmpty();
    }

    private static List<String> contrasts(Theme.Mode mode) {
        Theme.apply(mode);
        VBox root = new VBox();
        List<Label> labels = new ArrayList<>();
        for (Sample sample : SAMPLES) {
            Label label = new Label(sample.what());
            label.getStyleClass().addAll(sample.labelClasses());
            StackPane parent = new StackPane(label);
            parent.getStyleClass().add(sample.parentClass());
            labels.add(label);
            root.getChildren().add(parent);
        }
        Scene scene = new Scene(root, 400, 600);
        scene.getStylesheets().add(Theme.appStylesheet());
        root.applyCss();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < SAMPLES.size(); i++) {
            Label label = labels.get(i);
            Color text = (Color) label.getTextFill();
            Color background = backgroundOf(label);
            double ratio = contrast(text, background);
            if (ratio < 4.5) {
                problems.add(mode + " " + SAMPLES.get(i).what() + ": " + text + " on " + background
                        + String.format(" = %.2f:1", ratio));
            }
        }
        return problems;
    }

    /** The label's own background, else its parent's (opaque fills only). */
    private static Color backgroundOf(Region region) {
        for (Region r = region; r != null; r = r.getParent() instanceof Region p ? p : null) {
            Background background = r.getBackground();
            if (background != null) {
                for (int i = background.getFills().size() - 1; i >= 0; i--) {
                    if (background.getFills().get(i).getFill() instanceof Color c && c.getOpacity() > 0.9) {
                        return c;
                    }
                }
            }
        }
        throw new AssertionError("no background for " + region.getStyleClass());
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static <T> T fx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}

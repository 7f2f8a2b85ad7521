package com.sessiondesk.client.common;

import java.util.List;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/**
 * The look: AtlantaFX's Primer Light or Primer Dark (the user agent stylesheet, loaded straight
 * from the atlantafx-base jar as a resource: its Java classes need Java 21, its stylesheets do
 * not) with the app's own stylesheet over it, for the window and every dialog. The app's
 * stylesheet uses only the theme's {@code -color-*} variables, so it reads in both modes.
 *
 * <p>The stylesheets are found through the class loader, which finds them wherever atlantafx-base
 * is: on the class path (how {@code java -jar}, {@code mvn javafx:run}, the tests and the packaged
 * launchers run it on Java 17, which cannot read its Java 21 module descriptor) or, on Java 21 and
 * later, on the module path, because its module opens {@code atlantafx.base.theme} to everyone.
 *
 * <p>The text size ({@link TextSize}) is a stylesheet of its own, always right after the app's.
 */
public final class Theme {

    /** Light or dark, as remembered in client.properties ({@code theme=light|dark}). */
    public enum Mode {
        LIGHT("primer-light"),
        DARK("primer-dark");

        private final String stylesheet;

        Mode(String stylesheet) {
            this.stylesheet = stylesheet;
        }

        /** The compiled (binary) form: it loads faster than the 165 KB text CSS at start-up. */
        public String userAgentStylesheet() {
            return resource("/atlantafx/base/theme/" + stylesheet + ".bss");
        }

        /** "dark" gives DARK; anything else (or nothing remembered) LIGHT. */
        public static Mode of(String remembered) {
            return "dark".equalsIgnoreCase(remembered) ? DARK : LIGHT;
        }

        public String remembered() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static Mode current = Mode.LIGHT;
    private static final ObjectProperty<TextSize> TEXT_SIZE = new SimpleObjectProperty<>(TextSize.NORMAL);

    private Theme() {
    }

    /** Applies a mode to every window at once (JavaFX re-styles open scenes); FX thread. */
    public static void apply(Mode mode) {
        current = mode;
        Application.setUserAgentStylesheet(mode.userAgentStylesheet());
    }

    public static Mode current() {
        return current;
    }

    public static String appStylesheet() {
        return resource("/assets/css/sessiondesk.css");
    }

    /** The app's stylesheet and the text size's, in that order: for the window's scene. */
    public static List<String> stylesheets() {
        return List.of(appStylesheet(), TEXT_SIZE.get().stylesheet());
    }

    public static void style(DialogPane pane) {
        pane.getStylesheets().addAll(stylesheets());
    }

    public static TextSize textSize() {
        return TEXT_SIZE.get();
    }

    /** The text size in use, for what follows it (table column widths); FX thread. */
    public static ObservableValue<TextSize> textSizeProperty() {
        return TEXT_SIZE;
    }

    /**
     * Sets the text size for the windows and dialogs to come and re-styles the open ones (their
     * scene, or a dialog's pane, carries the app's stylesheet); FX thread.
     */
    public static void apply(TextSize size) {
        TEXT_SIZE.set(size);
        for (Window window : Window.getWindows()) {
            Scene scene = window.getScene();
            if (scene != null) {
                restyle(scene.getStylesheets());
                restyle(scene.getRoot().getStylesheets());
                scene.getRoot().lookupAll(".dialog-pane").forEach(pane -> restyle(((DialogPane) pane).getStylesheets()));
            }
        }
    }

    /** In a list holding the app's stylesheet: the text size's right after it, in place of any earlier one. */
    private static void restyle(ObservableList<String> sheets) {
        int app = sheets.indexOf(appStylesheet());
        if (app < 0) {
            return;
        }
        sheets.removeIf(sheet -> sheet.startsWith("data:text/css"));
        sheets.add(sheets.indexOf(appStylesheet()) + 1, TEXT_SIZE.get().stylesheet());
    }

    private static String resource(String path) {
        var url = Theme.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing resource " + path + " (atlantafx-base is not on the class path)");
        }
        return url.toExternalForm();
    }
}

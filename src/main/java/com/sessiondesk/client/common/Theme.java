package com.sessiondesk.client.common;

import javafx.application.Application;
import javafx.scene.control.DialogPane;

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

    public static void style(DialogPane pane) {
        pane.getStylesheets().add(appStylesheet());
    }

    private static String resource(String path) {
        var url = Theme.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("missing resource " + path + " (atlantafx-base is not on the class path)");
        }
        return url.toExternalForm();
    }
}

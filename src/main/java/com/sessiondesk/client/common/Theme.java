package com.sessiondesk.client.common;

import javafx.scene.control.DialogPane;

/** The app's own stylesheet (over the AtlantaFX theme), for the window and every dialog. */
public final class Theme {

    private Theme() {
    }

    public static String appStylesheet() {
        return Theme.class.getResource("/assets/css/sessiondesk.css").toExternalForm();
    }

    public static void style(DialogPane pane) {
        pane.getStylesheets().add(appStylesheet());
    }
}

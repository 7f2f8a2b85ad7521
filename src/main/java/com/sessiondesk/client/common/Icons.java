package com.sessiondesk.client.common;

import javafx.scene.layout.Region;

/**
 * The app's icons: Material Design Icons drawn as CSS shapes ({@code .icon-NAME} in
 * assets/css/sessiondesk.css), so no icon font has to be loaded, shaped and styled inline. In FXML
 * the same is {@code <Region styleClass="icon, icon-NAME"/>}.
 */
public final class Icons {

    private Icons() {
    }

    /** A 16 px icon (add the CSS class icon-size-18, -20 or -36 for those sizes), colored like the text around it. */
    public static Region of(String name) {
        Region icon = new Region();
        icon.getStyleClass().addAll("icon", "icon-" + name);
        return icon;
    }
}

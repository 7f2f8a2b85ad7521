package com.sessiondesk.client.shell;

import java.util.List;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

/**
 * The window header at narrow widths: the navigation, Change password and Sign out show their
 * icons only (their names stay in tooltips and for screen readers) when the window with their names
 * would be wider than the window, measured in the language and text size shown. A window wider than
 * the screen's window would be centred on it, its edges outside, and anything that changes its width
 * by a pixel (a focus ring) would move every control. When even the icons do not fit (a narrow
 * window with large text), the app's name gives way too: the window's title still says it.
 */
final class CompactHeader {

    private final Region window;
    private final Label appTitle;
    private final List<Labeled> named;

    /**
     * @param window the main window's content (the header and the view below it)
     * @param appTitle the app's name beside its logo
     * @param named the header's items that give up their names when narrow
     */
    CompactHeader(Region window, Label appTitle, List<Labeled> named) {
        this.window = window;
        this.appTitle = appTitle;
        this.named = named;
    }

    /** Names when the window with them fits {@code windowWidth}, else icons only. */
    void fit(double windowWidth) {
        show(ContentDisplay.LEFT);
        appTitle.setManaged(true);
        appTitle.setVisible(true);
        window.applyCss();
        if (window.minWidth(-1) > windowWidth) {
            show(ContentDisplay.GRAPHIC_ONLY);
            if (window.minWidth(-1) > windowWidth) {
                appTitle.setManaged(false);
                appTitle.setVisible(false);
            }
        }
    }

    private void show(ContentDisplay display) {
        named.forEach(labeled -> labeled.setContentDisplay(display));
    }
}

package com.sessiondesk.client.shell;

import java.util.List;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Region;

/**
 * The window header at narrow widths: the navigation, Change password and Sign out show their
 * icons only (their names stay in tooltips and for screen readers) when the window with their names
 * would be wider than the window, measured in the language and text size shown. A window wider than
 * the screen's window would be centred on it, its edges outside, and anything that changes its width
 * by a pixel (a focus ring) would move every control.
 */
final class CompactHeader {

    private final Region window;
    private final List<Labeled> named;

    /**
     * @param window the main window's content (the header and the view below it)
     * @param named the header's items that give up their names when narrow
     */
    CompactHeader(Region window, List<Labeled> named) {
        this.window = window;
        this.named = named;
    }

    /** Names when the window with them fits {@code windowWidth}, else icons only. */
    void fit(double windowWidth) {
        show(ContentDisplay.LEFT);
        window.applyCss();
        if (window.minWidth(-1) > windowWidth) {
            show(ContentDisplay.GRAPHIC_ONLY);
        }
    }

    private void show(ContentDisplay display) {
        named.forEach(labeled -> labeled.setContentDisplay(display));
    }
}

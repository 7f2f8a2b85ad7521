package com.sessiondesk.client.shell;

import com.sessiondesk.client.common.Theme;
import java.util.List;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.layout.HBox;

/**
 * How the window's header fits its width. Narrow windows: the navigation, Change password and
 * Sign out show their icons only (their names stay in tooltips and for screen readers; the Alerts
 * tab keeps its count). Larger text needs a wider window for the same labels: 1,800 px at 150 %.
 * When even the icons do not fit (a narrow window with large text), the app's name gives way: the
 * window's title still says it. Measured by the window's width, not the content's: a header wider
 * than the window would widen the content too.
 */
final class HeaderFit {

    /** Below this window width (at 100 % text) the named buttons show their icons only. */
    static final double COMPACT_WIDTH = 1200;

    private final HBox header;
    private final Label appTitle;
    private final List<Labeled> named;

    HeaderFit(HBox header, Label appTitle, Labeled... named) {
        this.header = header;
        this.appTitle = appTitle;
        this.named = List.of(named);
    }

    void fit(double windowWidth) {
        boolean narrow = windowWidth * 100 / Theme.textSize().percent() < COMPACT_WIDTH;
        ContentDisplay display = narrow ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
        named.forEach(labeled -> labeled.setContentDisplay(display));
        appTitle.setManaged(true);
        header.applyCss();
        boolean fits = header.minWidth(-1) <= windowWidth;
        appTitle.setManaged(fits);
        appTitle.setVisible(fits);
    }
}

package com.sessiondesk.client.common;

import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Base64;
import java.util.Locale;

/**
 * How large the client's text is: 100 %, 125 % or 150 % of the 14 px the app's stylesheet
 * gives the root. JavaFX on Linux ignores the desktop's "large text" setting (its default font is
 * a fixed 13 px; GDK_SCALE, Xft.dpi and glass.gtk.uiScale scale the whole window, pixels and
 * all, not the text), so the client offers its own. Applied as one more stylesheet after the app's
 * (client/common/Theme), which sets only the root's font size: every other size in the app's
 * stylesheet is in em, so every view and dialog grows with it.
 */
public enum TextSize {
    NORMAL(100),
    LARGER(125),
    LARGEST(150);

    /** The root font size at 100 %, as assets/css/sessiondesk.css sets it. */
    public static final double BASE_PX = 14;

    private final int percent;

    TextSize(int percent) {
        this.percent = percent;
    }

    public int percent() {
        return percent;
    }

    /** The root font size in pixels: 14, 17.5 or 21. */
    public double rootPixels() {
        return BASE_PX * percent / 100.0;
    }

    /** "100 %" in Spanish, "100%" in English: as the locale writes a percentage. */
    public String label(Locale locale) {
        return NumberFormat.getPercentInstance(locale).format(percent / 100.0);
    }

    /** What client.properties remembers ({@code textSize=150}). */
    public String remembered() {
        return Integer.toString(percent);
    }

    /** "125" gives LARGER; anything else (nothing remembered, a hand-edited value) NORMAL. */
    public static TextSize of(String remembered) {
        if (remembered != null) {
            for (TextSize size : values()) {
                if (size.remembered().equals(remembered.trim())) {
                    return size;
                }
            }
        }
        return NORMAL;
    }

    /** One step larger or smaller (Ctrl+Plus, Ctrl+Minus), staying within 100-150 %. */
    public TextSize step(int direction) {
        int index = Math.max(0, Math.min(values().length - 1, ordinal() + Integer.signum(direction)));
        return values()[index];
    }

    /**
     * A stylesheet (a data URI, so nothing is written to disk) that sets only the root's font size,
     * and the tooltips' and text fields' menus', which the theme sets to a fixed 14 px.
     */
    public String stylesheet() {
        String css = ".root, .tooltip, .text-input .context-menu { -fx-font-size: " + rootPixels() + "px; }";
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }
}

package com.sessiondesk.client.shell;

import javafx.geometry.Rectangle2D;

/**
 * The first window's size: 1280×800 where the screen has room, else what fits in the screen's
 * visual bounds (a 1920×1080 screen at 150 % offers 1280×~690 once the task bar is taken).
 */
record WindowSize(double width, double height) {

    static final double PREFERRED_WIDTH = 1280;
    static final double PREFERRED_HEIGHT = 800;
    static final double MIN_WIDTH = 900;
    static final double MIN_HEIGHT = 560;
    /** Room for the title bar and borders the window system adds around the scene. */
    static final double DECORATION = 40;

    static WindowSize fit(Rectangle2D visualBounds) {
        double width = Math.min(PREFERRED_WIDTH, visualBounds.getWidth());
        double height = Math.min(PREFERRED_HEIGHT, visualBounds.getHeight() - DECORATION);
        return new WindowSize(Math.max(width, Math.min(MIN_WIDTH, visualBounds.getWidth())),
                Math.max(height, Math.min(MIN_HEIGHT, visualBounds.getHeight() - DECORATION)));
    }
}

package com.sessiondesk.client.shell;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** The first window fits the screen's visual bounds. */
class WindowSizeTest {

    @Test
    void aLargeScreenGetsThePreferredSize() {
        assertThat(WindowSize.fit(new Rectangle2D(0, 0, 2560, 1400))).isEqualTo(new WindowSize(1280, 800));
    }

    @Test
    void a1080pScreenAt150PercentGetsAWindowThatFitsWithItsTitleBar() {
        // 1920×1080 at 150 %: 1280×720 logical pixels, less a 40 px task bar.
        Rectangle2D visual = new Rectangle2D(0, 0, 1280, 680);
        WindowSize size = WindowSize.fit(visual);
        assertThat(size.width()).isLessThanOrEqualTo(visual.getWidth());
        assertThat(size.height() + WindowSize.DECORATION).isLessThanOrEqualTo(visual.getHeight());
    }

    @Test
    void aTinyScreenStillFits() {
        Rectangle2D visual = new Rectangle2D(0, 0, 800, 560);
        WindowSize size = WindowSize.fit(visual);
        assertThat(size.width()).isLessThanOrEqualTo(800);
        assertThat(size.height() + WindowSize.DECORATION).isLessThanOrEqualTo(560);
    }
}

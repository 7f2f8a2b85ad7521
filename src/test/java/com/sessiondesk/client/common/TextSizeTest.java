package com.sessiondesk.client.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextSizeTest {

    @Test
    void aRememberedSizeIsReadBackAndAnythingElseIsNormal() {
        for (TextSize size : TextSize.values()) {
            assertThat(TextSize.of(size.remembered())).isEqualTo(size);
        }
        assertThat(TextSize.of(null)).isEqualTo(TextSize.NORMAL);
        assertThat(TextSize.of("300")).isEqualTo(TextSize.NORMAL);
        assertThat(TextSize.of("large")).isEqualTo(TextSize.NORMAL);
    }

    @Test
    void stepsStayBetween100And150Percent() {
        assertThat(TextSize.NORMAL.step(1)).isEqualTo(TextSize.LARGER);
        assertThat(TextSize.LARGER.step(1)).isEqualTo(TextSize.LARGEST);
        assertThat(TextSize.LARGEST.step(1)).isEqualTo(TextSize.LARGEST);
        assertThat(TextSize.NORMAL.step(-1)).isEqualTo(TextSize.NORMAL);
    }

    @Test
    void theStylesheetSetsTheRootFontSizeOnly() {
        String uri = TextSize.LARGEST.stylesheet();
        assertThat(uri).startsWith("data:text/css;base64,");
        String css = new String(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)), StandardCharsets.UTF_8);
        assertThat(css).isEqualTo(".root, .tooltip, .text-input .context-menu { -fx-font-size: 21.0px; }");
    }

    @Test
    void theLabelIsWrittenAsTheLanguageWritesAPercentage() {
        assertThat(TextSize.LARGER.label(Locale.ENGLISH)).isEqualTo("125%");
        assertThat(TextSize.LARGER.label(Locale.forLanguageTag("es")).replace('\u00a0', ' ')).isEqualTo("125 %");
    }
}

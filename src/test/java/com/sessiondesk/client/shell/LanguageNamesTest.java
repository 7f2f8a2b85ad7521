package com.sessiondesk.client.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The Language menu names each language in the language of the window. */
class LanguageNamesTest {

    @Test
    void namesFollowTheLanguageShown() {
        Locale spanish = Locale.forLanguageTag("es-ES");
        assertThat(MainController.languageName("en", spanish)).isEqualTo("Inglés");
        assertThat(MainController.languageName("es", spanish)).isEqualTo("Español");
        assertThat(MainController.languageName("en", Locale.ENGLISH)).isEqualTo("English");
        assertThat(MainController.languageName("es", Locale.ENGLISH)).isEqualTo("Spanish");
    }
}

package com.sessiondesk.client.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Counts read right in both languages at 0, 1, 2 and many: the bundles use the languages' plural
 * rules ({@code {0,plural,...}} through {@link Messages#format}), never a number glued to a word.
 */
class PluralFormsTest {

    private static final Locale SPANISH = Locale.forLanguageTag("es-ES");

    @AfterEach
    void english() {
        Messages.use(Locale.ENGLISH);
    }

    private static String es(String key, Object... args) {
        Messages.use(SPANISH);
        return Messages.format(key, args);
    }

    private static String en(String key, Object... args) {
        Messages.use(Locale.ENGLISH);
        return Messages.format(key, args);
    }

    @Test
    void blockedUsersInSpanish() {
        assertThat(es("users.count", 0, 0)).isEqualTo("0 usuarios · 0 bloqueados");
        assertThat(es("users.count", 1, 1)).isEqualTo("1 usuario · 1 bloqueado");
        assertThat(es("users.count", 2, 2)).isEqualTo("2 usuarios · 2 bloqueados");
        assertThat(es("users.count", 15000, 25)).isEqualTo("15.000 usuarios · 25 bloqueados");
        assertThat(en("users.count", 1, 1)).isEqualTo("1 user · 1 blocked");
        assertThat(en("users.count", 0, 2)).isEqualTo("0 users · 2 blocked");
    }

    @Test
    void oldVersionSessionsIncludedInSpanish() {
        assertThat(es("logout.allDevices.scopeOld", 3, "Ana", 1))
                .isEqualTo("Cierra las 3 sesiones de Ana, incluida 1 de una versión antigua.");
        assertThat(es("logout.allDevices.scopeOld", 3, "Ana", 2))
                .isEqualTo("Cierra las 3 sesiones de Ana, incluidas 2 de una versión antigua.");
        assertThat(en("logout.allDevices.scopeOld", 3, "Ana", 1))
                .isEqualTo("Ends all 3 sessions of Ana, including 1 from an old app version.");
    }

    @Test
    void sessionsAndUsersAtZeroOneTwoAndMany() {
        assertThat(en("sessions.count", 0, 0)).isEqualTo("0 sessions · 0 users");
        assertThat(en("sessions.count", 1, 1)).isEqualTo("1 session · 1 user");
        assertThat(en("sessions.count", 2, 2)).isEqualTo("2 sessions · 2 users");
        assertThat(en("sessions.count", 1200, 300)).isEqualTo("1,200 sessions · 300 users");
        assertThat(es("sessions.count", 0, 0)).isEqualTo("0 sesiones · 0 usuarios");
        assertThat(es("sessions.count", 1, 1)).isEqualTo("1 sesión · 1 usuario");
        assertThat(es("sessions.count", 2, 2)).isEqualTo("2 sesiones · 2 usuarios");
        assertThat(es("sessions.count", 12000, 300)).isEqualTo("12.000 sesiones · 300 usuarios");
    }

    @Test
    void bulkResultsAgreeWithTheirCountInSpanish() {
        assertThat(es("bulk.done", 1)).isEqualTo("Se cerró 1 sesión");
        assertThat(es("bulk.done", 2)).isEqualTo("Se cerraron 2 sesiones");
        assertThat(es("bulk.done.users", 1, 1)).isEqualTo("Se cerró 1 sesión de 1 usuario");
        assertThat(es("bulk.done.users", 7, 3)).isEqualTo("Se cerraron 7 sesiones de 3 usuarios");
        assertThat(es("bulk.done.blocked", 1)).isEqualTo("; se bloqueó 1 cuenta");
        assertThat(es("bulk.done.blocked", 2)).isEqualTo("; se bloquearon 2 cuentas");
        assertThat(es("bulk.unsynced", 1)).isEqualTo("Se perderá 1 elemento sin sincronizar.");
        assertThat(es("bulk.unsynced", 33)).isEqualTo("Se perderán 33 elementos sin sincronizar.");
        assertThat(en("bulk.scope", 1, 1, 1)).isEqualTo("1 session of 1 user on 1 device.");
        assertThat(en("bulk.scope", 5, 2, 3)).isEqualTo("5 sessions of 2 users on 3 devices.");
    }

    @Test
    void zeroHasItsOwnTextWhereTheBundleSaysSo() {
        assertThat(en("logout.activeSessions", 0)).isEqualTo("No active session");
        assertThat(en("logout.activeSessions", 1)).isEqualTo("1 active session");
        assertThat(en("logout.activeSessions", 4)).isEqualTo("4 active sessions");
        assertThat(es("logout.activeSessions", 0)).isEqualTo("Ninguna sesión activa");
        assertThat(es("logout.activeSessions", 1)).isEqualTo("1 sesión activa");
        assertThat(es("logout.activeSessions", 4)).isEqualTo("4 sesiones activas");
    }

    @Test
    void exportedRowsAndMinutes() {
        assertThat(es("export.done", 1, "sesión", "sesiones", "a.csv")).isEqualTo("Se exportó 1 sesión a a.csv");
        assertThat(es("export.done", 3, "sesión", "sesiones", "a.csv")).isEqualTo("Se exportaron 3 sesiones a a.csv");
        assertThat(en("export.done", 1, "session", "sessions", "a.csv")).isEqualTo("Exported 1 session to a.csv");
        assertThat(es("logout.afterSync", 1)).endsWith("(como máximo 1 minuto)");
        assertThat(en("logout.afterSync", 10)).endsWith("(at most 10 minutes)");
    }

    @Test
    void everyCountTextHasAnOtherFormAndNoChoiceIsLeft() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String file : List.of("messages.properties", "messages_es.properties")) {
            Properties texts = MessagesTest.bundle(file);
            for (String key : texts.stringPropertyNames()) {
                String text = texts.getProperty(key);
                if (text.contains(",choice,")) {
                    wrong.add(file + " " + key + ": a choice format (1# / 1<) reads wrong at 0; use {N,plural,...}");
                }
                if (text.contains(",plural,") && !text.contains("other{")) {
                    wrong.add(file + " " + key + ": a plural without its other form");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}

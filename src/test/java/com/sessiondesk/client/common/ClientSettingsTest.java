package com.sessiondesk.client.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientSettingsTest {

    @TempDir
    Path dir;

    @Test
    void remembersServerAndUsername() throws Exception {
        ClientSettings settings = new ClientSettings(dir);
        assertThat(settings.load()).isEqualTo(ClientSettings.Remembered.NONE);
        settings.save("https://sessions.example.org/", "carla");
        assertThat(new ClientSettings(dir).load())
                .isEqualTo(new ClientSettings.Remembered("https://sessions.example.org/", "carla"));
        settings.save(null, "carla");
        assertThat(settings.load().serverUrl()).isNull();
    }

    @Test
    void aDamagedFileIsTreatedAsAFirstRun() throws Exception {
        Files.writeString(dir.resolve(ClientSettings.FILE_NAME), "serverUrl=\\u00zz");
        assertThat(new ClientSettings(dir).load()).isEqualTo(ClientSettings.Remembered.NONE);
    }

    @Test
    void preferencesSurviveTheServerBeingSavedAndForgotten() throws Exception {
        ClientSettings settings = new ClientSettings(dir);
        assertThat(settings.preference(ClientSettings.THEME)).isNull();
        settings.savePreference(ClientSettings.THEME, "dark");
        settings.savePreference(ClientSettings.LANGUAGE, "es");
        settings.save("https://sessions.example.org/", "carla");
        settings.save(null, "carla");
        ClientSettings reopened = new ClientSettings(dir);
        assertThat(reopened.preference(ClientSettings.THEME)).isEqualTo("dark");
        assertThat(reopened.preference(ClientSettings.LANGUAGE)).isEqualTo("es");
        assertThat(reopened.load()).isEqualTo(new ClientSettings.Remembered(null, "carla"));
        reopened.savePreference(ClientSettings.LANGUAGE, null);
        assertThat(new ClientSettings(dir).preference(ClientSettings.LANGUAGE)).isNull();
    }

    @Test
    void remembersHiddenColumnsBesideTheServer() throws Exception {
        ClientSettings settings = new ClientSettings(dir);
        assertThat(settings.hiddenColumns("sessions")).as("never chosen").isNull();
        settings.save("https://sessions.example.org/", "carla");
        settings.saveHiddenColumns("sessions", java.util.Set.of("language-column"));
        settings.save(null, "carla");
        assertThat(new ClientSettings(dir).hiddenColumns("sessions")).containsExactly("language-column");
        settings.saveHiddenColumns("sessions", java.util.Set.of());
        assertThat(settings.hiddenColumns("sessions")).isEmpty();
        assertThat(settings.load().username()).isEqualTo("carla");
    }
}

package com.sessiondesk.client.service;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the client remembers between runs: the last server URL and username. Never a password or
 * token: there is deliberately no way to put one here.
 */
public final class ClientSettings {

    public static final String FILE_NAME = "client.properties";
    private static final String SERVER_URL = "serverUrl";
    private static final String USERNAME = "username";

    private final Path file;

    public ClientSettings(Path dataDir) {
        this.file = dataDir.resolve(FILE_NAME);
    }

    public record Remembered(String serverUrl, String username) {
        public static final Remembered NONE = new Remembered(null, null);
    }

    public Remembered load() {
        if (!Files.isRegularFile(file)) {
            return Remembered.NONE;
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return Remembered.NONE; // unreadable: start as on a first run rather than fail
        }
        return new Remembered(blankToNull(properties.getProperty(SERVER_URL)), blankToNull(properties.getProperty(USERNAME)));
    }

    /** @param serverUrl null forgets the server (the next start uses the built-in demo service) */
    public void save(String serverUrl, String username) throws IOException {
        Properties properties = new Properties();
        if (serverUrl != null) {
            properties.setProperty(SERVER_URL, serverUrl);
        }
        if (username != null) {
            properties.setProperty(USERNAME, username);
        }
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(FILE_NAME + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            properties.store(writer, "SessionDesk client: last server and username (never a password)");
        }
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

package com.sessiondesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sessiondesk.Main;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sessiondesk serve --log-format json} in a process of its own, as an operator starts it: its
 * {@code main} picks the logging backend (the tests' JVM is set up otherwise), so this is where a
 * service that silently kept plain lines would show.
 */
class ServeLogProcessTest {

    @TempDir
    Path dir;

    @Test
    void serveWritesOneJsonObjectPerLineOnStandardError() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--port", "0", "--log-format", "json", "--db",
                "jdbc:sqlite:" + dir.resolve("p.db"));
        builder.environment().put("SESSIONDESK_ADMIN_PASSWORD", "Admin-Test-Password-1");
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = err.readLine()) != null) {
                lines.add(line);
                if (line.contains("listening on")) {
                    break;
                }
            }
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(lines).as("standard error").isNotEmpty().last().asString().contains("listening on");
        for (String line : lines) {
            JsonObject object = JsonParser.parseString(line).getAsJsonObject();
            assertThat(object.get("level").getAsString()).as(line).isNotBlank();
        }
    }
}

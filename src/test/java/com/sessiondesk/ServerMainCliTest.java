package com.sessiondesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.cli.TestTerminal;
import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.JdbcStore;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code sessiondesk-server} launcher's grammar, through its main class: {@code
 * [OPTIONS]} and {@code serve [OPTIONS]} both run the service, {@code user ...} manages users, and
 * options beat environment variables.
 */
class ServerMainCliTest {

    private static final Pattern LISTENING = Pattern.compile("session service on (http://\\S+)");

    @TempDir
    Path dir;

    @Test
    void optionsAloneRunTheService() throws Exception {
        assertServes(dir.resolve("bare.db"));
    }

    @Test
    void serveWithOptionsRunsTheService() throws Exception {
        assertServes(dir.resolve("serve.db"), "serve");
    }

    /**
     * Runs {@code sessiondesk-server [PREFIX] --port 0} with SESSIONDESK_PORT at a port in use and
     * SESSIONDESK_DB at the database: the command line's port wins, the variable's database is used.
     */
    private void assertServes(Path database, String... prefix) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            TestTerminal terminal = new TestTerminal("", Map.of("SESSIONDESK_PORT", String.valueOf(taken.getLocalPort()),
                    "SESSIONDESK_DB", "jdbc:sqlite:" + database, "SESSIONDESK_ADMIN_PASSWORD", "Admin-Test-Password-1"));
            String[] args = new String[prefix.length + 2];
            System.arraycopy(prefix, 0, args, 0, prefix.length);
            args[prefix.length] = "--port";
            args[prefix.length + 1] = "0";
            AtomicInteger exitCode = new AtomicInteger(-1);
            Thread service = new Thread(() -> exitCode.set(ServerMain.run(terminal.terminal(), args)), "serve-under-test");
            service.start();
            try {
                String baseUrl = awaitBaseUrl(terminal, service);
                assertThat(baseUrl).doesNotEndWith(":" + taken.getLocalPort() + "/");
                HttpResponse<String> health = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(baseUrl + "api/v1/health")).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(Files.exists(database)).as("SESSIONDESK_DB used").isTrue();
            } finally {
                service.interrupt();
                service.join(20_000);
            }
            assertThat(service.isAlive()).isFalse();
            assertThat(terminal.err()).isEmpty();
            assertThat(exitCode.get()).isZero();
        }
    }

    private static String awaitBaseUrl(TestTerminal terminal, Thread service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(terminal.out());
            if (listening.find()) {
                return listening.group(1);
            }
            assertThat(service.isAlive()).as("still running; stderr: %s", terminal.err()).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("the service did not start within 60 s; stderr: " + terminal.err());
    }

    @Test
    void userAddAndPasswdThroughTheLauncher() {
        String url = "jdbc:sqlite:" + dir.resolve("users.db");
        TestTerminal add = TestTerminal.withStdin("Launcher-Password-1\n");
        assertThat(ServerMain.run(add.terminal(), "user", "add", "lee.launcher", "--name", "Lee Launcher", "--super",
                "--db", url)).isZero();
        TestTerminal passwd = new TestTerminal("Launcher-Password-2\n", Map.of("SESSIONDESK_DB", url));
        assertThat(ServerMain.run(passwd.terminal(), "user", "passwd", "lee.launcher")).isZero();
        try (Database db = Database.open(url)) {
            assertThat(com.sessiondesk.server.security.Passwords.verify("Launcher-Password-2",
                    new JdbcStore(db).credentials("lee.launcher").orElseThrow().passwordHash())).isTrue();
        }
    }

    @Test
    void aServiceThatCannotStartExitsWith1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            TestTerminal terminal = new TestTerminal();
            assertThat(ServerMain.run(terminal.terminal(), "--port", String.valueOf(taken.getLocalPort()), "--db",
                    "jdbc:sqlite:" + dir.resolve("busy.db"))).isEqualTo(1);
            assertThat(terminal.err()).startsWith("sessiondesk-server: could not start: ");
        }
    }

    @Test
    void badArgumentsExitWith2() {
        TestTerminal terminal = new TestTerminal();
        assertThat(ServerMain.run(terminal.terminal(), "--port", "http")).isEqualTo(2);
        assertThat(terminal.err()).startsWith("error: Invalid value for option '--port'")
                .contains("\nUsage: sessiondesk-server [OPTIONS] [COMMAND]");
        terminal = new TestTerminal("", Map.of("SESSIONDESK_PORT", "eighty"));
        assertThat(ServerMain.run(terminal.terminal())).as("a bad environment value").isEqualTo(2);
        assertThat(terminal.err()).startsWith("error: Invalid value for option '--port': a port is a number from 0 to "
                + "65535, not 'eighty' (from the environment variable SESSIONDESK_PORT)\n");
        terminal = new TestTerminal("", Map.of("SESSIONDESK_PORT", "8080"));
        assertThat(ServerMain.run(terminal.terminal(), "--port", "eighty")).isEqualTo(2);
        assertThat(terminal.err()).as("the command line's value is not blamed on the variable")
                .startsWith("error: Invalid value for option '--port': a port is a number from 0 to 65535, not 'eighty'\n");
    }
}

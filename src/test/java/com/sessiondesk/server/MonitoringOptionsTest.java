package com.sessiondesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.Main;
import com.sessiondesk.cli.Cli;
import com.sessiondesk.cli.TestTerminal;
import com.sessiondesk.server.observability.LogFormat;
import com.sessiondesk.server.observability.ServiceLog;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve --metrics-port / --metrics-host / --log-format} and their environment variables, end to end. */
class MonitoringOptionsTest {

    private static final Pattern METRICS_URL = Pattern.compile("Metrics on (http://127\\.0\\.0\\.1:\\d+/metrics)");

    @TempDir
    Path dir;

    private static MonitoringOptions parse(Map<String, String> env, String... args) {
        ServeCommand command = new ServeCommand();
        Cli.commandLine(command, TestTerminal.withEnv(env).terminal()).parseArgs(args);
        return command.options.monitoring();
    }

    @Test
    void noMetricsPortByDefaultAndLoopbackWhenThereIsOne() {
        MonitoringOptions defaults = parse(Map.of());
        assertThat(defaults.metricsPort()).isNull();
        assertThat(defaults.metricsHost()).isEqualTo("127.0.0.1");
        assertThat(defaults.logFormat()).isEqualTo(LogFormat.TEXT);
        MonitoringOptions set = parse(Map.of(), "--metrics-port", "9102", "--metrics-host", "10.0.0.5", "--log-format",
                "JSON");
        assertThat(set.metricsPort()).isEqualTo(9102);
        assertThat(set.metricsHost()).isEqualTo("10.0.0.5");
        assertThat(set.logFormat()).isEqualTo(LogFormat.JSON);
    }

    @Test
    void environmentVariablesGiveDefaultsAndTheCommandLineWins() {
        Map<String, String> env = Map.of("SESSIONDESK_METRICS_PORT", "9102", "SESSIONDESK_METRICS_HOST", "0.0.0.0",
                "SESSIONDESK_LOG_FORMAT", "json");
        MonitoringOptions fromEnv = parse(env);
        assertThat(fromEnv.metricsPort()).isEqualTo(9102);
        assertThat(fromEnv.metricsHost()).isEqualTo("0.0.0.0");
        assertThat(fromEnv.logFormat()).isEqualTo(LogFormat.JSON);
        MonitoringOptions overridden = parse(env, "--metrics-port", "9200", "--log-format", "text");
        assertThat(overridden.metricsPort()).isEqualTo(9200);
        assertThat(overridden.logFormat()).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void aBadValueIsAUsageErrorThatSaysWhatIsAllowed() {
        TestTerminal format = new TestTerminal();
        assertThat(Main.run(format.terminal(), "serve", "--log-format", "xml")).isEqualTo(2);
        assertThat(format.err()).startsWith("error: Invalid value for option '--log-format'")
                .contains("a log format is text or json, not 'xml'");
        TestTerminal port = new TestTerminal();
        assertThat(Main.run(port.terminal(), "serve", "--metrics-port", "70000")).isEqualTo(2);
        assertThat(port.err()).contains("a port is a number from 0 to 65535, not '70000'");
        TestTerminal fromEnv = TestTerminal.withEnv(Map.of("SESSIONDESK_LOG_FORMAT", "yaml"));
        assertThat(Main.run(fromEnv.terminal(), "serve")).isEqualTo(2);
        assertThat(fromEnv.err()).contains("(from the environment variable SESSIONDESK_LOG_FORMAT)");
    }

    @Test
    void serveAnswersMetricsOnItsOwnPort() throws Exception {
        TestTerminal terminal = new TestTerminal("", Map.of("SESSIONDESK_ADMIN_PASSWORD", "Admin-Test-Password-1"));
        AtomicInteger exitCode = new AtomicInteger(-1);
        Thread service = new Thread(() -> exitCode.set(Main.run(terminal.terminal(), "serve", "--port", "0",
                "--metrics-port", "0", "--log-format", "json", "--db", "jdbc:sqlite:" + dir.resolve("m.db"))),
                "serve-under-test");
        service.start();
        try {
            String url = awaitMetricsUrl(terminal, service);
            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("sessiondesk_active_sessions 0.0", "jvm_threads_live_threads",
                    "jetty_threads_busy");
        } finally {
            service.interrupt();
            service.join(20_000);
            ServiceLog.reset();
        }
        assertThat(exitCode.get()).isZero();
    }

    @Test
    void aMetricsPortInUseStopsTheStartWithExit1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            TestTerminal terminal = new TestTerminal();
            try {
                assertThat(Main.run(terminal.terminal(), "serve", "--port", "0", "--metrics-port",
                        String.valueOf(taken.getLocalPort()), "--db", "jdbc:sqlite:" + dir.resolve("busy.db")))
                        .isEqualTo(1);
            } finally {
                ServiceLog.reset();
            }
            assertThat(terminal.err()).startsWith("serve: could not start: cannot listen for metrics on 127.0.0.1:"
                    + taken.getLocalPort());
        }
    }

    private static String awaitMetricsUrl(TestTerminal terminal, Thread service) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            Matcher url = METRICS_URL.matcher(terminal.out());
            if (url.find()) {
                return url.group(1);
            }
            assertThat(service.isAlive()).as("still running; stderr: %s", terminal.err()).isTrue();
            Thread.sleep(50);
        }
        throw new AssertionError("no metrics URL within 90 s; stderr: " + terminal.err());
    }
}

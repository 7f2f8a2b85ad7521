package com.sessiondesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.cli.TestTerminal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every command of both entry points answers --help; --version; bad arguments: one line, the usage, exit 2. */
class CliHelpTest {

    private static final BiFunction<TestTerminal, String[], Integer> SESSIONDESK =
        (terminal, args) -> Main.run(terminal.terminal(), args);
    private static final BiFunction<TestTerminal, String[], Integer> SESSIONDESK_SERVER =
        (terminal, args) -> ServerMain.run(terminal.terminal(), args);

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of("sessiondesk", List.of()),
                Arguments.of("sessiondesk", List.of("serve")),
                Arguments.of("sessiondesk", List.of("user")),
                Arguments.of("sessiondesk", List.of("user", "add")),
                Arguments.of("sessiondesk", List.of("user", "passwd")),
                Arguments.of("sessiondesk", List.of("backup")),
                Arguments.of("sessiondesk", List.of("restore")),
                Arguments.of("sessiondesk", List.of("simulate")),
                Arguments.of("sessiondesk-server", List.of()),
                Arguments.of("sessiondesk-server", List.of("serve")),
                Arguments.of("sessiondesk-server", List.of("user")),
                Arguments.of("sessiondesk-server", List.of("user", "add")),
                Arguments.of("sessiondesk-server", List.of("user", "passwd")),
                Arguments.of("sessiondesk-server", List.of("backup")),
                Arguments.of("sessiondesk-server", List.of("restore")));
    }

    private static BiFunction<TestTerminal, String[], Integer> entryPoint(String program) {
        return program.equals("sessiondesk") ? SESSIONDESK : SESSIONDESK_SERVER;
    }

    private static String[] with(List<String> command, String... more) {
        return Stream.concat(command.stream(), Stream.of(more)).toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0} {1} --help")
    @MethodSource("commands")
    void everyCommandAnswersHelpOnStandardOutput(String program, List<String> command) {
        for (String help : List.of("--help", "-h")) {
            TestTerminal terminal = new TestTerminal();
            assertThat(entryPoint(program).apply(terminal, with(command, help))).isZero();
            String usage = "Usage: " + String.join(" ", with(List.of(program), command.toArray(String[]::new)));
            assertThat(terminal.out()).startsWith(usage).contains("-h, --help");
            assertThat(terminal.err()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0} {1} --no-such-option")
    @MethodSource("commands")
    void badArgumentsAreOneLineAndTheUsageOnStandardErrorWithExit2(String program, List<String> command) {
        TestTerminal terminal = new TestTerminal();
        assertThat(entryPoint(program).apply(terminal, with(command, "--no-such-option"))).isEqualTo(2);
        List<String> lines = terminal.err().lines().toList();
        // Commands with required arguments report those first.
        assertThat(lines.get(0)).startsWith("error: ").containsAnyOf("Unknown option: '--no-such-option'", "Missing required");
        assertThat(lines.get(1)).startsWith("Usage: " + program);
        assertThat(terminal.out()).isEmpty();
    }

    @Test
    void versionIsTheProjectVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>sessiondesk</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(version.find()).isTrue();
        for (BiFunction<TestTerminal, String[], Integer> entryPoint : List.of(SESSIONDESK, SESSIONDESK_SERVER)) {
            for (String option : List.of("--version", "-V")) {
                TestTerminal terminal = new TestTerminal();
                assertThat(entryPoint.apply(terminal, new String[] {option})).isZero();
                assertThat(terminal.out()).isEqualTo("SessionDesk " + version.group(1) + System.lineSeparator());
            }
        }
    }

    @Test
    void serveHelpNamesTheEnvironmentVariables() {
        for (BiFunction<TestTerminal, String[], Integer> entryPoint : List.of(SESSIONDESK, SESSIONDESK_SERVER)) {
            TestTerminal terminal = new TestTerminal();
            assertThat(entryPoint.apply(terminal, new String[] {"serve", "--help"})).isZero();
            assertThat(terminal.out()).contains("Environment (an option on the command line wins):")
                    .containsPattern("SESSIONDESK_HOST +--host")
                    .containsPattern("SESSIONDESK_PORT +--port")
                    .containsPattern("SESSIONDESK_DB +--db")
                    .containsPattern("SESSIONDESK_TLS_CERT +--tls-cert")
                    .containsPattern("SESSIONDESK_TLS_KEY +--tls-key")
                    .contains("SESSIONDESK_ADMIN_PASSWORD");
        }
    }

    @Test
    void anUnreadableTrustCertIsAUsageError() {
        TestTerminal terminal = new TestTerminal();
        assertThat(Main.run(terminal.terminal(), "--trust-cert", "no-such-office.pem")).isEqualTo(2);
        assertThat(terminal.err()).startsWith("error: --trust-cert: no such file: no-such-office.pem\n"
                + "Usage: sessiondesk ");
    }

    @Test
    void aClientOptionThatCannotBeCombinedIsAUsageError() {
        TestTerminal terminal = new TestTerminal();
        assertThat(Main.run(terminal.terminal(), "--server", "https://x.example", "--smoke-test")).isEqualTo(2);
        assertThat(terminal.err()).startsWith("error: --server cannot be combined with --embedded or --smoke-test\n"
                + "Usage: sessiondesk ");
    }
}

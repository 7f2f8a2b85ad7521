package com.sessiondesk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.Main;
import com.sessiondesk.cli.Cli;
import com.sessiondesk.cli.TestTerminal;
import com.sessiondesk.server.security.Passwords;
import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.JdbcStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParameterException;

/** {@code serve} and {@code user add/passwd} on picocli: options, environment, exit codes, the database. */
class ServerCliTest {

    @TempDir
    Path dir;
    private TestTerminal terminal = new TestTerminal();

    /** The settings {@code serve ARGS} would run with, in this environment. */
    private static ServerConfig serve(Map<String, String> env, String... args) {
        ServeCommand command = new ServeCommand();
        Cli.commandLine(command, TestTerminal.withEnv(env).terminal()).parseArgs(args);
        return command.options.config();
    }

    private int user(String stdin, String... args) {
        terminal = TestTerminal.withStdin(stdin);
        String[] command = new String[args.length + 1];
        command[0] = "user";
        System.arraycopy(args, 0, command, 1, args.length);
        return Main.run(terminal.terminal(), command);
    }

    private String url() {
        return "jdbc:sqlite:" + dir.resolve("u.db");
    }

    @Test
    void serveParsesItsOptions() {
        ServerConfig config = serve(Map.of(), "--host", "0.0.0.0", "--port", "9090", "--db",
                "jdbc:postgresql://db:5432/sessiondesk", "--demo", "--trusted-proxy", "10.0.0.1",
                "--trusted-proxy", "10.0.0.2", "--mobile-idle-days", "3", "--mobile-absolute-days", "30");
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/sessiondesk");
        assertThat(config.demo()).isTrue();
        assertThat(config.trustedProxies()).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(config.mobileIdleTimeout()).isEqualTo(Duration.ofDays(3));
        assertThat(config.mobileAbsoluteTimeout()).isEqualTo(Duration.ofDays(30));
        ServerConfig defaults = serve(Map.of());
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.jdbcUrl()).startsWith("jdbc:sqlite:");
        assertThat(defaults.demo()).isFalse();
        assertThat(defaults.trustedProxies()).isEmpty();
        assertThat(defaults.mobileIdleTimeout()).isEqualTo(ServerConfig.DEFAULT_MOBILE_IDLE);
        assertThat(defaults.mobileAbsoluteTimeout()).isEqualTo(ServerConfig.DEFAULT_MOBILE_ABSOLUTE);
        assertThat(defaults.initialAdminPassword()).isNull();
    }

    @Test
    void serveTakesHistorysRetentionOfActionsAndSecurityEvents() {
        ServerConfig config = serve(Map.of("SESSIONDESK_SECURITY_EVENT_RETENTION_DAYS", "30"),
                "--audit-retention-days", "730");
        assertThat(config.auditRetention().actions()).isEqualTo(Duration.ofDays(730));
        assertThat(config.auditRetention().securityEvents()).isEqualTo(Duration.ofDays(30));
        ServerConfig defaults = serve(Map.of());
        assertThat(defaults.auditRetention().actions()).isEqualTo(Duration.ofDays(365));
        assertThat(defaults.auditRetention().securityEvents()).isEqualTo(Duration.ofDays(90));
        assertThatThrownBy(() -> serve(Map.of(), "--audit-retention-days", "0"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--audit-retention-days must be");
        assertThatThrownBy(() -> serve(Map.of(), "--security-event-retention-days", "4000"))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("--security-event-retention-days must be");
    }

    @Test
    void environmentVariablesGiveDefaultsAndTheCommandLineWins() {
        Map<String, String> env = Map.of("SESSIONDESK_HOST", "0.0.0.0", "SESSIONDESK_PORT", "9999",
                "SESSIONDESK_DB", "jdbc:sqlite:/srv/env.db", "SESSIONDESK_TRUSTED_PROXIES", "10.0.0.1, 10.0.0.2",
                "SESSIONDESK_MOBILE_IDLE_DAYS", "7", "SESSIONDESK_MOBILE_ABSOLUTE_DAYS", "60",
                "SESSIONDESK_ADMIN_PASSWORD", "Admin-From-Env-1");
        ServerConfig fromEnv = serve(env);
        assertThat(fromEnv.host()).isEqualTo("0.0.0.0");
        assertThat(fromEnv.port()).isEqualTo(9999);
        assertThat(fromEnv.jdbcUrl()).isEqualTo("jdbc:sqlite:/srv/env.db");
        assertThat(fromEnv.trustedProxies()).containsExactly("10.0.0.1", "10.0.0.2");
        assertThat(fromEnv.mobileIdleTimeout()).isEqualTo(Duration.ofDays(7));
        assertThat(fromEnv.mobileAbsoluteTimeout()).isEqualTo(Duration.ofDays(60));
        assertThat(fromEnv.initialAdminPassword()).isEqualTo("Admin-From-Env-1");

        ServerConfig overridden = serve(env, "--host", "127.0.0.2", "--port", "7000", "--db", "jdbc:sqlite:/srv/cli.db",
                "--trusted-proxy", "192.168.1.1", "--mobile-idle-days", "1", "--mobile-absolute-days", "2");
        assertThat(overridden.host()).isEqualTo("127.0.0.2");
        assertThat(overridden.port()).isEqualTo(7000);
        assertThat(overridden.jdbcUrl()).isEqualTo("jdbc:sqlite:/srv/cli.db");
        assertThat(overridden.trustedProxies()).containsExactly("192.168.1.1");
        assertThat(overridden.mobileIdleTimeout()).isEqualTo(Duration.ofDays(1));
        assertThat(overridden.mobileAbsoluteTimeout()).isEqualTo(Duration.ofDays(2));

        assertThat(serve(Map.of("SESSIONDESK_PORT", " ")).port()).as("an empty variable counts as unset").isEqualTo(8080);
    }

    @Test
    void badServeArgumentsAreUsageErrors() {
        assertThatThrownBy(() -> serve(Map.of(), "--port", "http"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--port");
        assertThatThrownBy(() -> serve(Map.of(), "--port", "70000"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("0 to 65535");
        assertThatThrownBy(() -> serve(Map.of(), "--port"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("Missing required parameter");
        assertThatThrownBy(() -> serve(Map.of(), "--db", "/tmp/x.db"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("JDBC URL");
        assertThatThrownBy(() -> serve(Map.of(), "--verbose"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--verbose");
        assertThatThrownBy(() -> serve(Map.of(), "--mobile-idle-days", "0"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--mobile-idle-days must be");
        assertThatThrownBy(() -> serve(Map.of(), "--mobile-idle-days", "30", "--mobile-absolute-days", "10"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("cannot exceed");
        assertThatThrownBy(() -> serve(Map.of(), "--trusted-proxy", ""))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--trusted-proxy");
        assertThatThrownBy(() -> serve(Map.of("SESSIONDESK_PORT", "eighty")))
                .as("a bad environment value too").isInstanceOf(ParameterException.class).hasMessageContaining("--port");
    }

    @Test
    void serveWithBadArgumentsExitsWith2AndTheUsageOnStandardError() {
        assertThat(Main.run(terminal.terminal(), "serve", "--nope")).isEqualTo(2);
        assertThat(terminal.err()).startsWith("error: Unknown option: '--nope'\nUsage: sessiondesk serve");
        assertThat(terminal.out()).isEmpty();
    }

    @Test
    void badUserArgumentsExitWith2() {
        assertThat(user("Long-Password-1\n")).isEqualTo(2);
        assertThat(terminal.err()).contains("Missing required subcommand").contains("Usage: sessiondesk user");
        assertThat(user("Long-Password-1\n", "remove", "x")).isEqualTo(2);
        assertThat(user("Long-Password-1\n", "add", "maria")).isEqualTo(2);
        assertThat(terminal.err()).contains("--name").contains("Usage: sessiondesk user add");
        assertThat(user("Long-Password-1\n", "add", "--name", "Maria")).isEqualTo(2);
        assertThat(user("Long-Password-1\n", "add", "maria", "--name")).isEqualTo(2);
        assertThat(user("Long-Password-1\n", "add", "x".repeat(65), "--name", "X", "--db", url())).isEqualTo(2);
        assertThat(terminal.err()).contains("USERNAME must be 1 to 64 characters");
        assertThat(user("Long-Password-1\n", "passwd")).isEqualTo(2);
        assertThat(terminal.err()).contains("USERNAME").contains("Usage: sessiondesk user passwd");
    }

    @Test
    void userAddCreatesTheUserWithThePasswordFromStdin() {
        assertThat(user("s3cret pass phrase\n", "add", "maria.lopez", "--name", "Maria Lopez", "--super", "--db", url()))
                .isZero();
        assertThat(terminal.out()).contains("Created super user 'maria.lopez'");
        try (Database db = Database.open(url())) {
            var user = new JdbcStore(db).credentials("maria.lopez").orElseThrow();
            assertThat(user.name()).isEqualTo("Maria Lopez");
            assertThat(user.superUser()).isTrue();
            assertThat(Passwords.verify("s3cret pass phrase", user.passwordHash())).isTrue();
        }
    }

    @Test
    void userCommandsFindTheDatabaseInSessiondeskDb() {
        terminal = new TestTerminal("Staff-Password\n", Map.of("SESSIONDESK_DB", url()));
        assertThat(Main.run(terminal.terminal(), "user", "add", "ana.ruiz", "--name", "Ana Ruiz")).isZero();
        try (Database db = Database.open(url())) {
            assertThat(new JdbcStore(db).user("ana.ruiz")).isPresent();
        }
    }

    @Test
    void existingUserOrEmptyPasswordIsAnErrorWithExit1() {
        assertThat(user("Staff-Password\n", "add", "li.wei", "--name", "Li Wei", "--db", url())).isZero();
        assertThat(user("Staff-Password\n", "add", "li.wei", "--name", "Li Wei", "--db", url())).isEqualTo(1);
        assertThat(terminal.err()).contains("already exists");
        assertThat(user("\n", "add", "mei.chen", "--name", "Mei Chen", "--db", url())).isEqualTo(1);
        assertThat(user("", "add", "mei.chen", "--name", "Mei Chen", "--db", url())).isEqualTo(1);
        assertThat(terminal.err()).contains("no password");
    }

    @Test
    void userAddAppliesThePasswordPolicy() {
        assertThat(user("eleven char\n", "add", "root.two", "--name", "Root Two", "--super", "--db", url()))
                .isEqualTo(1);
        assertThat(terminal.err()).isEqualTo(
                "user add: The password is too short: at least 12 characters for a super user.\n");
        assertThat(user("seven c\n", "add", "sam.short", "--name", "Sam Short", "--db", url())).isEqualTo(1);
        assertThat(terminal.err()).contains("at least 8 characters for a staff member");
        assertThat(user("eight ch\n", "add", "sam.short", "--name", "Sam Short", "--db", url())).isZero();
        try (Database db = Database.open(url())) {
            assertThat(new JdbcStore(db).user("root.two")).as("refused: not created").isEmpty();
        }
    }

    @Test
    void userPasswdSetsThePasswordFromStdin() {
        assertThat(user("First-Password-1\n", "add", "kim.park", "--name", "Kim Park", "--super", "--db", url())).isZero();
        assertThat(user("Second-Password-2\n", "passwd", "kim.park", "--db", url())).isZero();
        assertThat(terminal.out()).contains("Changed the password of 'kim.park'");
        try (Database db = Database.open(url())) {
            String hash = new JdbcStore(db).credentials("kim.park").orElseThrow().passwordHash();
            assertThat(Passwords.verify("Second-Password-2", hash)).isTrue();
            assertThat(Passwords.verify("First-Password-1", hash)).isFalse();
        }
    }

    @Test
    void userPasswdRefusesUnknownUsersAndPasswordsThePolicyRefuses() {
        assertThat(user("Staff-Password\n", "add", "tom.lee", "--name", "Tom Lee", "--db", url())).isZero();
        assertThat(user("Another-Password\n", "passwd", "nobody", "--db", url())).isEqualTo(1);
        assertThat(terminal.err()).contains("no user 'nobody'");
        assertThat(user("short\n", "passwd", "tom.lee", "--db", url())).isEqualTo(1);
        assertThat(terminal.err()).contains("at least 8 characters");
        assertThat(user("", "passwd", "tom.lee", "--db", url())).isEqualTo(1);
        assertThat(terminal.err()).contains("no password");
        assertThat(user("Super-Password\n", "add", "ada.super", "--name", "Ada", "--super", "--db", url())).isZero();
        assertThat(user("elevenchars\n", "passwd", "ada.super", "--db", url())).as("12 for a super user").isEqualTo(1);
        try (Database db = Database.open(url())) {
            JdbcStore store = new JdbcStore(db);
            assertThat(Passwords.verify("Staff-Password", store.credentials("tom.lee").orElseThrow().passwordHash()))
                    .as("unchanged").isTrue();
            assertThat(Passwords.verify("Super-Password", store.credentials("ada.super").orElseThrow().passwordHash()))
                    .isTrue();
        }
        assertThat(List.of(terminal.err().split("\n"))).as("one line, no stack trace").hasSize(1);
    }
}

package com.sessiondesk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.server.security.Passwords;
import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.JdbcStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerCliTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int userAdd(String stdin, String... args) {
        return ServerCli.user(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errText() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void serveParsesItsOptions() throws Exception {
        ServerCli.ServeArgs args = ServerCli.parseServe(new String[] {"--host", "0.0.0.0", "--port", "9090", "--db",
            "jdbc:postgresql://db:5432/sessiondesk", "--demo"});
        assertThat(args).isEqualTo(new ServerCli.ServeArgs("0.0.0.0", 9090, "jdbc:postgresql://db:5432/sessiondesk", true));
        ServerCli.ServeArgs defaults = ServerCli.parseServe(new String[0]);
        assertThat(defaults.host()).isEqualTo("127.0.0.1");
        assertThat(defaults.port()).isEqualTo(8080);
        assertThat(defaults.jdbcUrl()).startsWith("jdbc:sqlite:");
    }

    @Test
    void badServeArgumentsAreUsageErrors() {
        assertThatThrownBy(() -> ServerCli.parseServe(new String[] {"--port", "http"}))
                .isInstanceOf(ServerCli.UsageException.class).hasMessageContaining("--port");
        assertThatThrownBy(() -> ServerCli.parseServe(new String[] {"--port", "70000"}))
                .isInstanceOf(ServerCli.UsageException.class);
        assertThatThrownBy(() -> ServerCli.parseServe(new String[] {"--port"}))
                .isInstanceOf(ServerCli.UsageException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ServerCli.parseServe(new String[] {"--db", "/tmp/x.db"}))
                .isInstanceOf(ServerCli.UsageException.class).hasMessageContaining("JDBC URL");
        assertThatThrownBy(() -> ServerCli.parseServe(new String[] {"--verbose"}))
                .isInstanceOf(ServerCli.UsageException.class).hasMessageContaining("--verbose");
    }

    @Test
    void serveWithBadArgumentsExitsWith2() {
        PrintStream original = System.err;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(ServerCli.serve(new String[] {"--nope"})).isEqualTo(2);
        } finally {
            System.setErr(original);
        }
        assertThat(errText()).contains("Usage: sessiondesk serve");
    }

    @Test
    void badUserArgumentsExitWith2() {
        assertThat(userAdd("pw\n")).isEqualTo(2);
        assertThat(userAdd("pw\n", "remove", "x")).isEqualTo(2);
        assertThat(userAdd("pw\n", "add", "maria")).isEqualTo(2);
        assertThat(userAdd("pw\n", "add", "--name", "Maria")).isEqualTo(2);
        assertThat(userAdd("pw\n", "add", "maria", "--name")).isEqualTo(2);
        assertThat(userAdd("pw\n", "add", "x".repeat(65), "--name", "X")).isEqualTo(2);
        assertThat(errText()).contains("Usage: sessiondesk user add");
    }

    @Test
    void userAddCreatesTheUserWithThePasswordFromStdin() {
        String url = "jdbc:sqlite:" + dir.resolve("u.db");
        assertThat(userAdd("s3cret pass\n", "add", "maria.lopez", "--name", "Maria Lopez", "--super", "--db", url))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Created super user 'maria.lopez'");
        try (Database db = Database.open(url)) {
            var user = new JdbcStore(db).credentials("maria.lopez").orElseThrow();
            assertThat(user.name()).isEqualTo("Maria Lopez");
            assertThat(user.superUser()).isTrue();
            assertThat(Passwords.verify("s3cret pass", user.passwordHash())).isTrue();
        }
    }

    @Test
    void existingUserOrEmptyPasswordIsAnErrorWithExit1() {
        String url = "jdbc:sqlite:" + dir.resolve("u.db");
        assertThat(userAdd("pw\n", "add", "li.wei", "--name", "Li Wei", "--db", url)).isZero();
        assertThat(userAdd("pw\n", "add", "li.wei", "--name", "Li Wei", "--db", url)).isEqualTo(1);
        assertThat(errText()).contains("already exists");
        assertThat(userAdd("\n", "add", "mei.chen", "--name", "Mei Chen", "--db", url)).isEqualTo(1);
        assertThat(userAdd("", "add", "mei.chen", "--name", "Mei Chen", "--db", url)).isEqualTo(1);
        assertThat(errText()).contains("no password");
    }
}

package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Json;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.server.MutableClock;
import com.sessiondesk.server.SessionServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Findings of the security review that need a server of their own: mobile session lifetimes, the
 * hash upgrade, file modes, {@code --demo} on a database with data, and trusted proxies.
 */
class SecurityLifecycleTest {

    private static final String HEARTBEAT = "/api/v1/mobile/heartbeat";

    /** The servers a test asks for (each started at its first get(), closed after the test). */
    final MutableClock clock = new MutableClock(Instant.now());
    @RegisterExtension
    final TestServers.Running<SessionServer> onTheTestsClock = TestServers.sqlite().with(config -> config
            .withClock(clock).withHeartbeatFlushInterval(Duration.ofMillis(20)));
    @RegisterExtension
    final TestServers.Running<SessionServer> plain = TestServers.sqlite();
    @RegisterExtension
    final TestServers.Running<SessionServer> behindAProxy = TestServers.sqlite().with(config -> config
            .withTrustedProxies(List.of("127.0.0.1")));

    @Test
    void mobileSessionsExpireIdleAndAbsolute() {
        Instant start = clock.instant();
        String jdbcUrl = onTheTestsClock.jdbcUrl();
        SessionServer server = onTheTestsClock.get();
        TestUsers.add(jdbcUrl, "ida.idle", "Ida Idle", false);
        TestUsers.add(jdbcUrl, "abe.absolute", "Abe Absolute", false);
        RawHttp raw = new RawHttp(server.baseUrl());
        MobileLoginResponse idle = Api.mobileLogin(server.baseUrl(), SecurityAttackTest.device("ida.idle",
                TestUsers.PASSWORD, null));
        MobileLoginResponse busy = Api.mobileLogin(server.baseUrl(), SecurityAttackTest.device("abe.absolute",
                TestUsers.PASSWORD, null));

        // 78 days in steps of 13: the busy session is used within every idle window, the other never
        for (int day = 13; day <= 89; day += 13) {
            clock.advance(Duration.ofDays(13));
            assertThat(raw.post(HEARTBEAT, busy.token(), "{}").status()).as("day %d", day).isEqualTo(204);
            Instant beat = Instant.ofEpochMilli(clock.millis()); // the service keeps milliseconds
            Eventually.within(Duration.ofSeconds(10), () -> assertThat(lastSeen(server, busy.sessionId()))
                    .as("Last Seen written").isEqualTo(beat));
        }
        assertError(raw.post(HEARTBEAT, idle.token(), "{}"), 401, "session_expired");
        assertError(raw.get("/api/v1/mobile/me", idle.token()), 401, "session_expired");

        clock.advance(Duration.ofDays(13));
        assertThat(Duration.between(start, clock.instant()).toDays()).isEqualTo(91);
        assertError(raw.post(HEARTBEAT, busy.token(), "{}"), 401, "session_expired");
        String admin = Api.adminToken(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
        assertThat(raw.get("/api/v1/sessions", admin).object().getAsJsonArray("sessions"))
                .as("expired sessions are no longer active").isEmpty();
    }

    @Test
    void aPbkdf2HashIsUpgradedToArgon2idAtTheNextSuccessfulLogin() throws Exception {
        String jdbcUrl = plain.jdbcUrl();
        SessionServer server = plain.get();
        TestUsers.add(jdbcUrl, "olga.old", "Olga Old", false);
        setHash(jdbcUrl, "olga.old", pbkdf2(TestUsers.PASSWORD, 600_000));
        assertThat(hashOf(jdbcUrl, "olga.old")).startsWith("pbkdf2-sha256$600000$");

        assertThat(new RawHttp(server.baseUrl()).post("/api/v1/mobile/login", null, Json.GSON.toJson(
                SecurityAttackTest.device("olga.old", "wrong-password", null))).status()).isEqualTo(401);
        assertThat(hashOf(jdbcUrl, "olga.old")).as("not after a failure").startsWith("pbkdf2-sha256$600000$");

        Api.mobileLogin(server.baseUrl(), SecurityAttackTest.device("olga.old", TestUsers.PASSWORD, null));
        // today's PBKDF2 (600,000 iterations) is upgraded to Argon2id, and the new hash verifies
        assertThat(hashOf(jdbcUrl, "olga.old")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        Api.mobileLogin(server.baseUrl(), SecurityAttackTest.device("olga.old", TestUsers.PASSWORD, null));
        // and a user created now gets Argon2id from the start
        TestUsers.add(jdbcUrl, "nina.new", "Nina New", false);
        assertThat(hashOf(jdbcUrl, "nina.new")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void theDataDirectoryIsPrivateAndTheDatabaseFilesToo() throws Exception {
        Path dir = Files.createTempDirectory("sessiondesk-modes").resolve("data");
        String jdbcUrl = "jdbc:sqlite:" + dir.resolve("sessiondesk.db");
        try (SessionServer server = TestServers.start(jdbcUrl, false)) {
            TestUsers.add(jdbcUrl, "fay.files", "Fay Files", false);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
            try (var files = Files.list(dir)) {
                List<Path> all = files.toList();
                assertThat(all).extracting(p -> p.getFileName().toString()).contains("sessiondesk.db",
                        "sessiondesk.db-wal");
                for (Path file : all) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                            .as("%s", file.getFileName()).isEqualTo("rw-------");
                }
            }
        }
    }

    @Test
    void serveDemoSeedsOnlyAnEmptyDatabaseAndSaysSo() throws Exception {
        plain.get();
        TestUsers.add(plain.jdbcUrl(), "real.staff", "Real Staff", false);
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            SessionServer server = plain.restart(config -> config.withDemo(true));
            System.setOut(stdout);
            String admin = Api.adminToken(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
            assertThat(new RawHttp(server.baseUrl()).get("/api/v1/users", admin).object().getAsJsonArray("users"))
                    .as("admin and real.staff only: no demo staff with the published password").hasSize(2);
        } finally {
            System.setOut(stdout);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("the demo agency was not added");
    }

    /** X-Forwarded-For is believed from the configured proxy only. */
    @Test
    void theClientAddressComesFromTheTrustedProxyOnly() throws Exception {
        String jdbcUrl = behindAProxy.jdbcUrl();
        SessionServer server = behindAProxy.get();
        TestUsers.add(jdbcUrl, "tom.proxy", "Tom Proxy", false);
        RawHttp raw = new RawHttp(server.baseUrl());
        String wrong = Json.GSON.toJson(SecurityAttackTest.device("tom.proxy", "wrong", null));
        String right = Json.GSON.toJson(SecurityAttackTest.device("tom.proxy", TestUsers.PASSWORD, null));
        Map<String, String> attacker = Map.of("X-Forwarded-For", "203.0.113.9");
        for (int i = 0; i < 10; i++) {
            assertThat(raw.send("POST", "/api/v1/mobile/login", null, wrong.getBytes(StandardCharsets.UTF_8),
                    attacker).status()).isEqualTo(401);
        }
        assertThat(raw.send("POST", "/api/v1/mobile/login", null, right.getBytes(StandardCharsets.UTF_8),
                attacker).status()).as("the attacker's address is locked").isEqualTo(429);
        assertThat(raw.send("POST", "/api/v1/mobile/login", null, right.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Forwarded-For", "198.51.100.4")).status()).as("another client behind the proxy")
                .isEqualTo(201);
        // from an address that is not the proxy, the header is ignored: 127.0.0.2 is its own client
        for (int i = 0; i < 10; i++) {
            RawHttp.Reply reply = RawSocket.exchange("127.0.0.2", server.port(), forwardedPost(server.port(),
                    wrong, "198.51.100.4"));
            assertThat(reply.status()).isEqualTo(401);
        }
        assertThat(RawSocket.exchange("127.0.0.2", server.port(), forwardedPost(server.port(), right,
                "198.51.100.4")).status()).isEqualTo(429);
        assertThat(raw.send("POST", "/api/v1/mobile/login", null, right.getBytes(StandardCharsets.UTF_8),
                Map.of("X-Forwarded-For", "198.51.100.4")).status()).as("the forged address was not locked")
                .isEqualTo(201);
        String admin = Api.adminToken(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
        assertThat(Api.ok(Api.withToken(server.baseUrl(), admin).audit("tom.proxy", 100)).events())
                .extracting(e -> e.address()).contains("203.0.113.9", "127.0.0.2");
    }

    // --- helpers ---

    private static byte[] forwardedPost(int port, String json, String forwardedFor) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1/mobile/login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nX-Forwarded-For: "
                + forwardedFor + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        byte[] request = new byte[head.length() + body.length];
        System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, request, 0, head.length());
        System.arraycopy(body, 0, request, head.length(), body.length);
        return request;
    }

    /** A session's Last Seen as the admin API reads it (a token issued in-process: the clock may have jumped). */
    private static Instant lastSeen(SessionServer server, String sessionId) {
        RawHttp.Reply reply = new RawHttp(server.baseUrl()).get("/api/v1/sessions/" + sessionId,
                server.issueAdminToken(TestServers.ADMIN));
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return Instant.parse(reply.object().get("lastSeen").getAsString());
    }

    /** A hash as the service wrote them before: PBKDF2-HMAC-SHA256 at {@code iterations}. */
    static String pbkdf2(String password, int iterations) throws Exception {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "pbkdf2-sha256$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    static String hashOf(String jdbcUrl, String username) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                PreparedStatement ps = c.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static void setHash(String jdbcUrl, String username, String hash) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl);
                PreparedStatement ps = c.prepareStatement("UPDATE users SET password_hash = ? WHERE username = ?")) {
            ps.setString(1, hash);
            ps.setString(2, username);
            ps.executeUpdate();
        }
    }
}

package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.Main;
import com.sessiondesk.api.ReasonRequest;
import com.sessiondesk.cli.Terminal;
import com.sessiondesk.server.SessionServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A live feed ends with the right to it: a super user's {@code /api/v1/sessions/stream} held on
 * instance B is closed within a second when they are blocked through instance A, demoted from the
 * command line, or sign out through A (two instances on one PostgreSQL), and the reconnection is
 * refused.
 */
class AdminStreamRevocationTest {

    @RegisterExtension
    static final TestServers.Running<SessionServer> SERVER = TestServers.postgres();
    private static SessionServer a;
    private static SessionServer b;
    private static String jdbcUrl;

    @BeforeAll
    static void start() {
        jdbcUrl = SERVER.jdbcUrl();
        a = SERVER.get();
        b = SERVER.another();
    }

    @Test
    void blockingThroughAClosesTheStreamOnBWithinASecond() throws Exception {
        String token = superUser("stella.block");
        try (Feed feed = Feed.open(b, token)) {
            ok(Api.admin(a.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD)
                    .blockUser("stella.block", new ReasonRequest("left the agency")));
            feed.assertClosedWithinASecond();
        }
        assertReconnectionRefused(token);
    }

    @Test
    void demotingFromTheCommandLineClosesTheStreamOnBWithinASecond() throws Exception {
        String token = superUser("stella.demote");
        try (Feed feed = Feed.open(b, token)) {
            int exit = Main.run(new Terminal(new ByteArrayInputStream(new byte[0]), System.out, System.err, Map.of()),
                    "user", "demote", "stella.demote", "--db", jdbcUrl);
            assertThat(exit).isZero();
            feed.assertClosedWithinASecond();
        }
        assertReconnectionRefused(token);
    }

    @Test
    void signingOutThroughAClosesTheStreamOnBWithinASecond() throws Exception {
        String token = superUser("stella.signout");
        try (Feed feed = Feed.open(b, token)) {
            assertThat(new RawHttp(a.baseUrl()).post("/api/v1/admin/logout", token, null).status()).isEqualTo(204);
            feed.assertClosedWithinASecond();
        }
        assertReconnectionRefused(token);
    }

    @Test
    void anotherAdminsStreamStaysOpen() throws Exception {
        String token = superUser("stella.stays");
        String other = superUser("stella.other");
        try (Feed feed = Feed.open(b, token)) {
            assertThat(new RawHttp(a.baseUrl()).post("/api/v1/admin/logout", other, null).status()).isEqualTo(204);
            assertThat(feed.closedWithin(1_500)).as("a stream of a token still valid").isFalse();
        }
    }

    private static String superUser(String username) {
        TestUsers.add(jdbcUrl, username, "Stella " + username, true, TestServers.ADMIN_PASSWORD);
        return Api.adminToken(a.baseUrl(), username, TestServers.ADMIN_PASSWORD);
    }

    private static void assertReconnectionRefused(String token) {
        RawHttp.Reply again = new RawHttp(b.baseUrl()).send("GET", "/api/v1/sessions/stream?since=x", token, null,
                Map.of("Accept", "text/event-stream"));
        assertThat(again.status()).isEqualTo(401);
    }

    /** An admin stream read on a thread of its own; {@link #closed} completes when the server ends it. */
    private static final class Feed implements AutoCloseable {
        final CompletableFuture<Long> closedAtNanos = new CompletableFuture<>();
        private final InputStream body;

        private Feed(InputStream body) {
            this.body = body;
            Thread reader = new Thread(() -> {
                try (body) {
                    byte[] buffer = new byte[8192];
                    while (body.read(buffer) >= 0) {
                        // the events themselves are LiveConsoleTest's
                    }
                } catch (Exception e) {
                    // closed
                }
                closedAtNanos.complete(System.nanoTime());
            }, "admin-stream-reader");
            reader.setDaemon(true);
            reader.start();
        }

        static Feed open(SessionServer server, String token) throws Exception {
            String cursor = ok(Api.withToken(server.baseUrl(), token).sessions(null, null, null)).cursor();
            HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "api/v1/sessions/stream?since="
                    + cursor)).header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            Feed feed = new Feed(response.body());
            Thread.sleep(300); // the stream is held (its first event sent) before the right to it ends
            assertThat(feed.closedAtNanos).isNotDone();
            return feed;
        }

        void assertClosedWithinASecond() throws Exception {
            long asked = System.nanoTime();
            assertThat(closedWithin(3_000)).as("the stream on the other instance was closed").isTrue();
            assertThat((closedAtNanos.get() - asked) / 1_000_000).as("ms from the answer to the stream's end")
                    .isLessThan(1_000);
        }

        boolean closedWithin(long millis) throws Exception {
            try {
                closedAtNanos.get(millis, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                return false;
            }
        }

        @Override
        public void close() throws Exception {
            body.close();
        }
    }
}

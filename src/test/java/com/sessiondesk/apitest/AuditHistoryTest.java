package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.server.MutableClock;
import com.sessiondesk.server.SessionServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * History that cannot be flooded or cut, over HTTP on each database: admin actions and security
 * events kept apart, security events counted per kind and minute past 20 rows, nothing the refused
 * request chose stored, pages read with a signed cursor, old rows pruned by their retention, and a
 * bulk log out naming every user it ended.
 */
abstract class AuditHistoryTest {

    static final String STAFF = "hana.history";
    static final String OTHER = "omar.history";
    static final String BULK_A = "bea.bulk";
    static final String BULK_B = "ben.bulk";
    /** Only the rows the paging test writes are about this name. */
    static final String PAGED = "paged.subject";

    private final ApiServer api;
    private final MutableClock clock;

    AuditHistoryTest(ApiServer api, MutableClock clock) {
        this.api = api;
        this.clock = clock;
    }

    static MutableClock clock() {
        return new MutableClock(Instant.parse("2026-11-30T14:00:05Z"));
    }

    static ApiServer server(TestServers.Running<SessionServer> running, MutableClock clock) {
        return ApiServer.on(running.with(config -> config.withClock(clock)
                        .withAdminTimeouts(Duration.ofDays(400), Duration.ofDays(800))))
                .withUser(STAFF, "Hana History")
                .withUser(OTHER, "Omar History")
                .withUser(BULK_A, "Bea Bulk")
                .withUser(BULK_B, "Ben Bulk");
    }

    private JsonObject audit(String query) {
        RawHttp.Reply reply = api.raw().get("/api/v1/audit" + query, api.adminToken());
        assertThat(reply.status()).as(reply.abbreviated()).isEqualTo(200);
        return reply.object();
    }

    private static List<JsonObject> events(JsonObject page) {
        List<JsonObject> events = new ArrayList<>();
        for (JsonElement e : page.getAsJsonArray("events")) {
            events.add(e.getAsJsonObject());
        }
        return events;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void aFloodOfMadeUpTokensFromManyAddressesLeavesTheAdminsActionsAndIsCountedInAFewRows() throws Exception {
        clock.advance(Duration.ofMinutes(10)); // a minute of its own
        assertThat(api.raw().post("/api/v1/users/" + STAFF + "/block", api.adminToken(),
                "{\"reason\":\"Suspended pending review\"}").status()).isEqualTo(200);
        assertThat(api.raw().post("/api/v1/users/" + STAFF + "/unblock", api.adminToken(), "").status())
                .isEqualTo(200);

        int port = api.server().port();
        int flood = 1_100;
        for (int i = 0; i < flood; i++) {
            String address = "127.0." + (1 + i / 250) + "." + (1 + i % 250);
            byte[] request = ("POST /api/v1/users/" + "IGNORE-PREVIOUS-" + i + "/block HTTP/1.1\r\nHost: 127.0.0.1:"
                    + port + "\r\nAuthorization: Bearer made-up-token-" + i
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
                    .getBytes(StandardCharsets.US_ASCII);
            assertThat(RawSocket.exchange(address, port, request).status()).isEqualTo(401);
        }

        // History's default page: the admin's actions, whatever came after them
        List<JsonObject> actions = events(audit("?category=action&username=" + STAFF + "&limit=1000"));
        assertThat(actions).extracting(e -> e.get("action").getAsString()).contains("block", "unblock");
        List<JsonObject> newestActions = events(audit("?category=action&limit=1000"));
        assertThat(newestActions).extracting(e -> e.get("action").getAsString()).doesNotContain("admin_call_refused");
        assertThat(newestActions).anySatisfy(e -> {
            assertThat(e.get("action").getAsString()).isEqualTo("block");
            assertThat(e.get("username").getAsString()).isEqualTo(STAFF);
        });

        // The flood: 20 rows of one address each, then one row counting the rest of that minute
        List<JsonObject> refused = events(audit("?category=security&limit=1000")).stream()
                .filter(e -> e.get("action").getAsString().equals("admin_call_refused")).toList();
        assertThat(refused).hasSize(21);
        assertThat(refused.stream().mapToInt(e -> e.get("count").getAsInt()).sum()).isEqualTo(flood);
        assertThat(refused).filteredOn(e -> !e.has("address")).singleElement()
                .satisfies(e -> assertThat(e.get("count").getAsInt()).isEqualTo(flood - 20));
        // nothing the refused requests chose is kept
        assertThat(refused).allSatisfy(e -> assertThat(e.toString()).doesNotContain("IGNORE-PREVIOUS")
                .doesNotContain("made-up-token"));
    }

    @Test
    void pagesOfMoreThanAThousandRowsFollowNextCursorToTheEnd() throws Exception {
        long now = clock.millis();
        int rows = 1_250;
        try (Connection c = DriverManager.getConnection(api.jdbcUrl());
                PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events (at, actor, action, username, "
                        + "session_ids, reason) VALUES (?, 'admin', 'unblock', ?, '', NULL)")) {
            for (int i = 0; i < rows; i++) {
                ps.setLong(1, now);
                ps.setString(2, PAGED);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        String query = "?category=action&username=" + PAGED + "&limit=1000";
        JsonObject first = audit(query);
        assertThat(events(first)).hasSize(1000);
        assertThat(first.has("nextCursor")).isTrue();
        JsonObject second = audit(query + "&before=" + encode(first.get("nextCursor").getAsString()));
        assertThat(events(second)).hasSize(rows - 1000);
        assertThat(second.has("nextCursor")).isFalse();

        Set<Long> ids = new HashSet<>();
        long previous = Long.MAX_VALUE;
        for (JsonObject e : concat(events(first), events(second))) {
            long id = e.get("id").getAsLong();
            assertThat(id).isLessThan(previous);
            previous = id;
            ids.add(id);
        }
        assertThat(ids).hasSize(rows);

        // the default page is 100
        JsonObject small = audit("?category=action&username=" + PAGED);
        assertThat(events(small)).hasSize(100);
        assertThat(events(audit("?category=action&username=" + PAGED + "&before="
                + encode(small.get("nextCursor").getAsString())))).first()
                .satisfies(e -> assertThat(e.get("id").getAsLong()).isLessThan(
                        events(small).get(99).get("id").getAsLong()));
    }

    private static List<JsonObject> concat(List<JsonObject> a, List<JsonObject> b) {
        List<JsonObject> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void aUsernameIsLookedUpInTheFormItIsStoredIn() {
        api.raw().post("/api/v1/users/" + OTHER + "/block", api.adminToken(), "{}");
        api.raw().post("/api/v1/users/" + OTHER + "/unblock", api.adminToken(), "");
        List<JsonObject> typed = events(audit("?category=action&username=" + "Omar.HISTORY"));
        assertThat(typed).isNotEmpty().allSatisfy(e -> assertThat(e.get("username").getAsString()).isEqualTo(OTHER));
        assertThat(typed).hasSameSizeAs(events(audit("?category=action&username=" + OTHER)));
        // full-width letters are the same username once in Unicode NFKC
        assertThat(events(audit("?category=action&username=" + encode("\uFF4Fmar.history")))).hasSameSizeAs(typed);
    }

    @Test
    void aChangedMadeUpOrBorrowedCursorAndBadLimitsAre400() {
        for (int i = 0; i < 3; i++) {
            api.raw().post("/api/v1/users/" + OTHER + "/block", api.adminToken(), "{}");
            api.raw().post("/api/v1/users/" + OTHER + "/unblock", api.adminToken(), "");
        }
        JsonObject page = audit("?category=action&username=" + OTHER + "&limit=2");
        String cursor = page.get("nextCursor").getAsString();
        String[] parts = cursor.split("\\.");
        long id = Long.parseLong(parts[1]);
        List<String> bad = List.of(
                parts[0] + "." + (id + 1000) + "." + parts[2],        // another position, same signature
                parts[0] + "." + (id - 1) + "." + parts[2],
                cursor + "x",
                cursor.substring(0, cursor.length() - 2),
                "ac1." + id,
                "12345",
                "' OR 1=1 --",
                "x".repeat(5000));
        for (String before : bad) {
            assertError(api.raw().get("/api/v1/audit?category=action&username=" + OTHER + "&limit=2&before="
                    + encode(before), api.adminToken()), 400, "invalid_request");
        }
        // a cursor is bound to the filter it was read with
        assertError(api.raw().get("/api/v1/audit?category=security&username=" + OTHER + "&limit=2&before="
                + encode(cursor), api.adminToken()), 400, "invalid_request");
        assertError(api.raw().get("/api/v1/audit?category=action&limit=2&before=" + encode(cursor),
                api.adminToken()), 400, "invalid_request");
        for (String limit : List.of("0", "1001", "-1", "abc", "99999999999")) {
            assertError(api.raw().get("/api/v1/audit?limit=" + limit, api.adminToken()), 400, "invalid_request");
        }
        assertError(api.raw().get("/api/v1/audit?category=everything", api.adminToken()), 400, "invalid_request");
        // the genuine cursor still reads the next page
        assertThat(events(audit("?category=action&username=" + OTHER + "&limit=2&before=" + encode(cursor))))
                .hasSize(2);
    }

    @Test
    void actionsAndSecurityEventsArePrunedAfterTheirOwnRetention() throws Exception {
        long now = clock.millis();
        long day = Duration.ofDays(1).toMillis();
        String who = "pruned.subject";
        try (Connection c = DriverManager.getConnection(api.jdbcUrl());
                PreparedStatement ps = c.prepareStatement("INSERT INTO audit_events (at, actor, action, username, "
                        + "session_ids, reason, category, address, event_count) VALUES (?, 'admin', ?, ?, '', ?, ?, ?, ?)")) {
            Object[][] rows = {
                {now - 366 * day, "block", "action-366"}, {now - 364 * day, "block", "action-364"},
                {now - 91 * day, "admin_login_failed", "security-91"}, {now - 89 * day, "admin_login_failed", "security-89"},
                {now - 200 * day, "unblock", "action-200"},
            };
            for (Object[] row : rows) {
                boolean security = row[1].equals("admin_login_failed");
                ps.setLong(1, (Long) row[0]);
                ps.setString(2, (String) row[1]);
                ps.setString(3, who);
                ps.setString(4, (String) row[2]);
                ps.setString(5, security ? "security" : "action");
                ps.setString(6, security ? "127.0.0.9" : null);
                if (security) {
                    ps.setInt(7, 1);
                } else {
                    ps.setNull(7, java.sql.Types.INTEGER);
                }
                ps.executeUpdate();
            }
        }
        assertThat(api.server().pruneAudit()).isGreaterThanOrEqualTo(2);
        assertThat(events(audit("?username=" + who + "&limit=1000")))
                .extracting(e -> e.get("reason").getAsString())
                .containsExactlyInAnyOrder("action-364", "security-89", "action-200");
    }

    @Test
    void aBulkLogOutNamesEveryUserItEndedSoTheirHistoryFindsIt() {
        MobileLoginResponse a1 = DevicePushTest.login(api.baseUrl(), BULK_A);
        MobileLoginResponse a2 = DevicePushTest.login(api.baseUrl(), BULK_A);
        MobileLoginResponse b1 = DevicePushTest.login(api.baseUrl(), BULK_B);
        RawHttp.Reply reply = api.raw().post("/api/v1/sessions/logout", api.adminToken(),
                "{\"sessionIds\":[\"" + a1.sessionId() + "\",\"" + a2.sessionId() + "\",\"" + b1.sessionId()
                        + "\"],\"reason\":\"Shift ended\"}");
        assertThat(reply.status()).as(reply.abbreviated()).isEqualTo(200);

        List<JsonObject> ofA = logOuts(events(audit("?category=action&username=" + BULK_A)));
        assertThat(ofA).singleElement().satisfies(e -> {
            assertThat(e.get("action").getAsString()).isEqualTo("logout_sessions");
            assertThat(e.get("username").getAsString()).isEqualTo(BULK_A);
            assertThat(e.getAsJsonArray("sessionIds")).hasSize(2);
            assertThat(e.get("reason").getAsString()).isEqualTo("Shift ended");
        });
        List<JsonObject> ofB = logOuts(events(audit("?category=action&username=" + BULK_B)));
        assertThat(ofB).singleElement().satisfies(e -> {
            assertThat(e.get("action").getAsString()).isEqualTo("logout_sessions");
            assertThat(e.getAsJsonArray("sessionIds")).hasSize(1);
            assertThat(e.getAsJsonArray("sessionIds").get(0).getAsString()).isEqualTo(b1.sessionId());
        });
    }

    /** The log outs among a user's events (their creation from the command line is an event too). */
    private static List<JsonObject> logOuts(List<JsonObject> events) {
        return events.stream().filter(e -> !"user_added".equals(e.get("action").getAsString())).toList();
    }
}

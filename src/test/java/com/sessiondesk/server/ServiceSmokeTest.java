package com.sessiondesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.apitest.TestServers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The service author's smoke check on both databases: the main flow and conflicting admin actions
 * in parallel. The full black-box suites are in the API test packages.
 */
class ServiceSmokeTest {

    private static final String PASSWORD = "Smoke-Test-1";

    /** Each test starts the one it asks for; it is closed after the test. */
    @RegisterExtension
    final TestServers.Running<SessionServer> sqlite = TestServers.sqlite().demo();
    @RegisterExtension
    final TestServers.Running<SessionServer> postgresql = TestServers.postgres().demo();

    @Test
    void sqlite() {
        check(sqlite.get());
    }

    @Test
    void postgresql() {
        check(postgresql.get());
    }

    private void check(SessionServer server) {
        try {
            server.addUser("office", "Office", PASSWORD, true);
            server.addUser("smoke.tester", "Smoke Tester", PASSWORD, false);
            HttpSmoke http = new HttpSmoke(server.baseUrl());
            assertThat(http.get("/api/v1/health", null).status()).isEqualTo(200);
            String admin = http.post("/api/v1/admin/login", null,
                    "{\"username\":\"admin\",\"password\":\"" + TestServers.ADMIN_PASSWORD + "\"}").json().get("token").getAsString();
            String office = server.issueAdminToken("office");

            assertThat(http.get("/api/v1/sessions", admin).json().getAsJsonArray("sessions").size())
                    .isGreaterThan(300);
            assertThat(http.get("/api/v1/users?blocked=true", admin).json().getAsJsonArray("users").size())
                    .isEqualTo(1);

            HttpSmoke.Reply login = http.post("/api/v1/mobile/login", null,
                    HttpSmoke.mobileLogin("smoke.tester", PASSWORD, "Caregiver", "phone-1"));
            assertThat(login.status()).isEqualTo(201);
            String token = login.json().get("token").getAsString();
            String sessionId = login.json().get("sessionId").getAsString();
            assertThat(http.post("/api/v1/mobile/heartbeat", token, "{\"pendingSyncItems\":3}").status()).isEqualTo(204);
            assertThat(http.get("/api/v1/sessions/" + sessionId, admin).status()).isEqualTo(200);

            // Two admins, 50 conflicting calls at once: no 5xx, and the log holds one event per change.
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String who = i % 2 == 0 ? admin : office;
                String path = switch (i % 3) {
                    case 0 -> "/api/v1/users/smoke.tester/block";
                    case 1 -> "/api/v1/users/smoke.tester/unblock";
                    default -> "/api/v1/sessions/" + sessionId + "/logout";
                };
                statuses.add(pool.submit(() -> http.post(path, who, "{\"reason\":\"race\"}").status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status).succeedsWithin(java.time.Duration.ofSeconds(60)).isEqualTo(200);
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            var events = http.get("/api/v1/audit?username=smoke.tester&limit=1000", admin).json().getAsJsonArray("events");
            int blocks = 0;
            int unblocks = 0;
            int logouts = 0;
            for (var event : events) {
                switch (event.getAsJsonObject().get("action").getAsString()) {
                    case "block" -> blocks++;
                    case "unblock" -> unblocks++;
                    default -> logouts++;
                }
            }
            // block and unblock alternate, starting with a block: their counts differ by at most one
            assertThat(blocks - unblocks).isBetween(0, 1);
            assertThat(blocks).isPositive();
            boolean blockedNow = http.get("/api/v1/users?q=smoke.tester", admin).json().getAsJsonArray("users")
                    .get(0).getAsJsonObject().get("blocked").getAsBoolean();
            assertThat(blockedNow).isEqualTo(blocks > unblocks);
            assertThat(logouts).isLessThanOrEqualTo(1);
            assertThat(http.post("/api/v1/mobile/heartbeat", token, null).json().get("error").getAsString())
                    .isEqualTo("session_ended");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

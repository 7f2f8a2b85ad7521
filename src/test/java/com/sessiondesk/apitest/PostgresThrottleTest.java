package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Replies.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.server.SessionServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two service instances on one PostgreSQL (as behind a load balancer): the throttle counts the same
 * attempts on both, a race across both cannot slip past the limit, and a device ticket issued by one
 * is honoured by the other.
 */
class PostgresThrottleTest {

    /** The first instance; the second is {@link TestServers.Running#another()} on the same database. */
    @RegisterExtension
    static final TestServers.Running<SessionServer> SERVER = TestServers.postgres();
    private static SessionServer first;
    private static SessionServer second;

    @BeforeAll
    static void start() {
        String jdbcUrl = SERVER.jdbcUrl();
        first = SERVER.get();
        second = SERVER.another();
        for (String user : List.of("ann.split", "ben.ticket")) {
            TestUsers.add(jdbcUrl, user, "Split " + user, false);
        }
        TestUsers.add(jdbcUrl, "cal.race", "Cal Race", true);
    }

    @Test
    void failuresOnEitherInstanceCountTogether() {
        RawHttp a = new RawHttp(first.baseUrl());
        RawHttp b = new RawHttp(second.baseUrl());
        for (int i = 0; i < 5; i++) {
            assertError(a.post("/api/v1/mobile/login", null, login("ann.split", "wrong-a" + i)), 401,
                    "invalid_credentials");
            assertError(b.post("/api/v1/mobile/login", null, login("ann.split", "wrong-b" + i)), 401,
                    "invalid_credentials");
        }
        assertError(a.post("/api/v1/mobile/login", null, login("ann.split", TestUsers.PASSWORD)), 429, "rate_limited");
        assertError(b.post("/api/v1/mobile/login", null, login("ann.split", TestUsers.PASSWORD)), 429, "rate_limited");
    }

    @Test
    void aRaceAcrossBothInstancesHashesAtMostTen() throws Exception {
        int attempts = 40;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch go = new CountDownLatch(1);
        String body = Json.GSON.toJson(new AdminLoginRequest("cal.race", "wrong-password"));
        List<Future<Integer>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < attempts; i++) {
                RawHttp target = new RawHttp((i % 2 == 0 ? first : second).baseUrl());
                replies.add(pool.submit(() -> {
                    go.await();
                    return target.post("/api/v1/admin/login", null, body).status();
                }));
            }
            go.countDown();
            int checked = 0;
            for (Future<Integer> reply : replies) {
                int status = reply.get();
                assertThat(status).isIn(401, 429, 503);
                checked += status == 401 ? 1 : 0;
            }
            assertThat(checked).isBetween(1, 10);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDeviceTicketFromOneInstanceWorksOnTheOther() {
        MobileLoginResponse login = Api.mobileLogin(first.baseUrl(),
                SecurityAttackTest.device("ben.ticket", TestUsers.PASSWORD, null));
        RawHttp b = new RawHttp(second.baseUrl());
        for (int i = 0; i < 12; i++) {
            b.post("/api/v1/mobile/login", null, login("ben.ticket", "wrong" + i));
        }
        assertError(b.post("/api/v1/mobile/login", null, login("ben.ticket", TestUsers.PASSWORD)), 429, "rate_limited");
        assertThat(b.post("/api/v1/mobile/login", null, Json.GSON.toJson(SecurityAttackTest.device("ben.ticket",
                TestUsers.PASSWORD, login.deviceTicket()))).status()).isEqualTo(201);
    }

    private static String login(String username, String password) {
        return Json.GSON.toJson(SecurityAttackTest.device(username, password, null));
    }
}

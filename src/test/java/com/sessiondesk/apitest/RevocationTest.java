package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Json;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.MobileLoginResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A revocation is never served from a cache: while a device hammers the server with heartbeats,
 * every heartbeat sent after the admin's forced log out has answered is a 401, and so is every
 * login sent after a block has answered.
 */
class RevocationTest {

    private static final String USER = "rita.revoked";
    private static final int ROUNDS = 15;

    /** One heartbeat as the device saw it. */
    record Beat(long sentNanos, int status) {
    }

    @RegisterExtension
    static final ApiServer API = ApiServer.on(TestServers.sqlite())
            .withUser(USER, "Rita Revoked");

    @Test
    void noHeartbeatSucceedsAfterTheForcedLogoutAnswered() throws Exception {
        ExecutorService device = Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < ROUNDS; round++) {
                MobileLoginResponse session = Api.mobileLogin(API.baseUrl(), Api.device(USER, TestUsers.PASSWORD,
                        "Caregiver", "4.2.0", "rita-phone-" + round, "Pixel 7", "Android 14", "English"));
                AtomicBoolean stop = new AtomicBoolean();
                AtomicLong lastSent = new AtomicLong();
                Future<List<Beat>> beats = device.submit(() -> hammer(session.token(), stop, lastSent));
                Thread.sleep(20 + round * 7L); // let it run a varying while
                RawHttp.Reply logout = API.raw().post("/api/v1/sessions/" + session.sessionId() + "/logout",
                        API.adminToken(),
                        Json.GSON.toJson(LogoutRequest.of(false, false, "round " + round)));
                long answered = System.nanoTime();
                assertThat(logout.status()).as("%s", logout).isEqualTo(200);
                // on a loaded machine one heartbeat can take longer than any fixed pause: wait for one sent after
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (lastSent.get() <= answered && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                stop.set(true);
                List<Beat> seen = beats.get(30, TimeUnit.SECONDS);
                assertThat(seen).filteredOn(b -> b.sentNanos() > answered).as("heartbeats after the log out, round %d", round)
                        .isNotEmpty()
                        .allSatisfy(b -> assertThat(b.status()).isEqualTo(401));
                assertThat(seen).allSatisfy(b -> assertThat(b.status()).isIn(204, 401));
            }
        } finally {
            device.shutdownNow();
        }
    }

    @Test
    void noLoginSucceedsAfterTheBlockAnswered() throws Exception {
        ExecutorService device = Executors.newSingleThreadExecutor();
        String body = Json.GSON.toJson(Api.device(USER, TestUsers.PASSWORD, "EVV", "3.0", "rita-tablet", "iPad",
                "iPadOS 17", "English"));
        try {
            for (int round = 0; round < 3; round++) {
                AtomicBoolean stop = new AtomicBoolean();
                AtomicLong lastSent = new AtomicLong();
                Future<List<Beat>> logins = device.submit(() -> {
                    List<Beat> seen = new ArrayList<>();
                    while (!stop.get()) {
                        long sent = System.nanoTime();
                        lastSent.set(sent);
                        seen.add(new Beat(sent, API.raw().post("/api/v1/mobile/login", null, body).status()));
                    }
                    return seen;
                });
                Thread.sleep(150);
                RawHttp.Reply block = API.raw().post("/api/v1/users/" + USER + "/block", API.adminToken(),
                        "{\"reason\":\"r\"}");
                long answered = System.nanoTime();
                assertThat(block.status()).as("%s", block).isEqualTo(200);
                // a login takes a PBKDF2 hash (600,000 iterations): wait until one was sent after the block
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (lastSent.get() <= answered && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                stop.set(true);
                List<Beat> seen = logins.get(30, TimeUnit.SECONDS);
                assertThat(seen).filteredOn(b -> b.sentNanos() > answered).as("logins after the block").isNotEmpty()
                        .allSatisfy(b -> assertThat(b.status()).isEqualTo(403));
                assertThat(API.raw().get("/api/v1/sessions?username=" + USER, API.adminToken()).object()
                        .getAsJsonArray("sessions")).as("no session slipped through the block").isEmpty();
                assertThat(API.raw().post("/api/v1/users/" + USER + "/unblock", API.adminToken(),
                        null).status()).isEqualTo(200);
                API.raw().post("/api/v1/users/" + USER + "/logout", API.adminToken(), "{}");
            }
        } finally {
            device.shutdownNow();
        }
    }

    private static List<Beat> hammer(String token, AtomicBoolean stop, AtomicLong lastSent) {
        List<Beat> seen = new ArrayList<>();
        while (!stop.get()) {
            long sent = System.nanoTime();
            lastSent.set(sent);
            seen.add(new Beat(sent, API.raw().post("/api/v1/mobile/heartbeat", token,
                    "{\"pendingSyncItems\":1}").status()));
        }
        return seen;
    }
}

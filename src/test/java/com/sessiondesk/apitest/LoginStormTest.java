package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AdminLoginRequest;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.MobileLoginRequest;
import com.sessiondesk.api.MobileLoginResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A login storm cannot lock anyone out: while 20 addresses (127.0.0.2 to 127.0.0.21) hammer the
 * mobile login with wrong passwords and retry every 503 at once, a device that presents its ticket
 * and the admin with the desktop client's ticket each sign in within 2 s at least 19 times in 20.
 * (The full storm, as hard as the machine allows, is in bench/LoginStormBench.)
 */
class LoginStormTest {

    private static final String MOBILE_LOGIN = "/api/v1/mobile/login";
    private static final String ADMIN_LOGIN = "/api/v1/admin/login";
    private static final int ATTACKERS = 20;
    private static final int SIGN_INS = 20;
    private static final long DEADLINE_MILLIS = 2_000;

    @RegisterExtension
    static final ApiServer API = ApiServer.on(TestServers.sqlite());

    @BeforeAll
    static void users() {
        TestUsers.add(API.jdbcUrl(), "maria.lopez", "Maria Lopez", false);
        TestUsers.add(API.jdbcUrl(), "sol.admin", "Sol Admin", true);
    }

    @Test
    void aTicketHolderAndTheAdminSignInWhileTwentyAddressesHammerTheLogin() throws Exception {
        String deviceTicket = Api.mobileLogin(API.baseUrl(), phone(TestUsers.PASSWORD, null)).deviceTicket();
        String desktopTicket = adminLogin(null).object().get("deviceTicket").getAsString();

        Map<Integer, AtomicLong> stormAnswers = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService attackers = Executors.newFixedThreadPool(ATTACKERS);
        ExecutorService users = Executors.newFixedThreadPool(2);
        int deviceIn = 0;
        int adminIn = 0;
        try {
            for (int a = 0; a < ATTACKERS; a++) {
                String source = "127.0.0." + (2 + a);
                attackers.submit(() -> hammer(source, stop, stormAnswers));
            }
            Thread.sleep(500); // the storm is on
            for (int i = 0; i < SIGN_INS; i++) {
                String ticket = deviceTicket;
                CompletableFuture<RawHttp.Reply> device = CompletableFuture.supplyAsync(() -> API.raw().post(
                        MOBILE_LOGIN, null, Json.GSON.toJson(phone(TestUsers.PASSWORD, ticket))), users);
                RawHttp.Reply mobile = within(device);
                if (mobile != null && mobile.status() == 201) {
                    deviceIn++;
                    deviceTicket = mobile.object().get("deviceTicket").getAsString();
                }
                String desktop = desktopTicket;
                RawHttp.Reply admin = within(CompletableFuture.supplyAsync(() -> adminLogin(desktop), users));
                if (admin != null && admin.status() == 200) {
                    adminIn++;
                    desktopTicket = admin.object().get("deviceTicket").getAsString();
                }
                Thread.sleep(200);
            }
        } finally {
            stop.set(true);
            attackers.shutdown();
            users.shutdown();
            assertThat(attackers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        String storm = new TreeMap<>(stormAnswers).toString();
        assertThat(deviceIn).as("ticket holder's sign-ins within 2 s (storm answers %s)", storm)
                .isGreaterThanOrEqualTo(SIGN_INS - 1);
        assertThat(adminIn).as("admin's sign-ins within 2 s (storm answers %s)", storm)
                .isGreaterThanOrEqualTo(SIGN_INS - 1);
        assertThat(stormAnswers).as("the storm ends in 429s: its 503s counted").containsKey(429);

        AuditEvent[] events = Json.GSON.fromJson(API.raw().get("/api/v1/audit?limit=1000", API.adminToken()).object()
                .get("events"), AuditEvent[].class);
        // Past 20 rows of a kind in a minute, the rest are counted in one row without an address.
        assertThat(events).as("the refusals are security events with an attacker's address")
                .anyMatch(e -> e.action().equals("login_throttled") && e.address() != null
                        && e.address().startsWith("127.0.0.") && !e.address().equals("127.0.0.1"));
    }

    /** One attacker: wrong passwords, unknown names and the victim's, every answer retried at once. */
    private static void hammer(String source, AtomicBoolean stop, Map<Integer, AtomicLong> answers) {
        long n = 0;
        while (!stop.get()) {
            String username = n % 3 == 0 ? "maria.lopez" : "guess-" + source + "-" + n;
            String body = Json.GSON.toJson(new MobileLoginRequest(username, "wrong-" + n, "EVV", "2.3.0",
                    "attacker-" + n, "Pixel 7", "Android 14", "English", null));
            n++;
            int status;
            try {
                status = RawSocket.postJson(source, API.server().port(), MOBILE_LOGIN, body).status();
            } catch (Exception e) {
                status = -1;
            }
            answers.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
        }
    }

    /** The answer when it came within the deadline, else null. */
    private static RawHttp.Reply within(CompletableFuture<RawHttp.Reply> reply) {
        try {
            return reply.get(DEADLINE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    private static RawHttp.Reply adminLogin(String ticket) {
        return API.raw().post(ADMIN_LOGIN, null, Json.GSON.toJson(new AdminLoginRequest("sol.admin",
                TestUsers.PASSWORD, ticket)));
    }

    private static MobileLoginRequest phone(String password, String ticket) {
        return new MobileLoginRequest("maria.lopez", password, "EVV", "2.3.0", "marias-phone", "Pixel 8",
                "Android 14", "English", ticket);
    }
}

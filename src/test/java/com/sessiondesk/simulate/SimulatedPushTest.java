package com.sessiondesk.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Json;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.apitest.Api;
import com.sessiondesk.apitest.RawHttp;
import com.sessiondesk.apitest.TestServers;
import com.sessiondesk.server.SessionServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reference device against a real {@code --demo} server: it holds its stream, reacts within the
 * second, syncs when told to sync first, and counts what a forced log out lost.
 */
class SimulatedPushTest {

    @RegisterExtension
    static final TestServers.Running<SessionServer> SERVER = TestServers.sqlite().demo();
    private static SessionServer server;
    private static RawHttp raw;
    private static String adminToken;

    @BeforeAll
    static void start() {
        server = SERVER.get();
        raw = new RawHttp(server.baseUrl());
        adminToken = Api.adminToken(server.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
    }

    @Test
    void devicesHoldTheirStreamSyncWhenToldAndCountWhatTheyLost() throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        DeviceFleet.Settings settings = new DeviceFleet.Settings(server.baseUrl(), 3, 2, true, 50, 4);
        try (DeviceFleet fleet = DeviceFleet.start(settings, lines::add)) {
            await(() -> fleet.streamsOpen() == 3, 10_000, "three streams open: " + lines);
            List<DeviceFleet.DeviceReport> before = fleet.reports();

            long forced = System.currentTimeMillis();
            raw.post("/api/v1/sessions/" + before.get(0).sessionId() + "/logout", adminToken,
                    Json.GSON.toJson(LogoutRequest.of(false, false, "Lost phone")));
            long graceful = System.currentTimeMillis();
            raw.post("/api/v1/sessions/" + before.get(1).sessionId() + "/logout", adminToken,
                    Json.GSON.toJson(LogoutRequest.afterSync(false, false, "Shift over", 15)));

            await(() -> fleet.reports().get(0).state().equals("LOGIN_PAGE")
                    && fleet.reports().get(1).state().equals("LOGIN_PAGE"), 5_000, "both at the login page: " + lines);
            List<DeviceFleet.DeviceReport> after = fleet.reports();
            DeviceFleet.DeviceReport lostPhone = after.get(0);
            assertThat(lostPhone.toldBy()).isEqualTo("stream");
            assertThat(lostPhone.toldAtMillis()).as("told after the request").isGreaterThanOrEqualTo(forced);
            assertThat(lostPhone.lostItems()).isEqualTo(4);
            DeviceFleet.DeviceReport synced = after.get(1);
            assertThat(synced.toldBy()).isEqualTo("stream");
            assertThat(synced.toldAtMillis()).isGreaterThanOrEqualTo(graceful);
            assertThat(synced.syncedItems()).isEqualTo(4);
            assertThat(synced.lostItems()).isZero();
            assertThat(after.get(2).state()).isEqualTo("SIGNED_IN");
            assertThat(after.get(2).toldAtMillis()).isZero();
            assertThat(lines).anyMatch(l -> l.contains("signed out by the office, back to the login page. Reason: "
                    + "Lost phone") && l.contains("(4 unsynced items lost)"));
            assertThat(lines).anyMatch(l -> l.contains("told to sync, then log out"));
            assertThat(lines).anyMatch(l -> l.contains("Reason: Shift over (synced 4 items first)"));
            assertThat(fleet.summary(1)).contains("2 signed out by the office (2 told through their stream)")
                    .contains("4 unsynced items synced before a log out, 4 lost.");
        }
    }

    @Test
    void aDeviceWithoutAStreamIsToldToSyncByItsHeartbeat() throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        DeviceFleet.Settings settings = new DeviceFleet.Settings(server.baseUrl(), 1, 1, false, 10, 3);
        try (DeviceFleet fleet = DeviceFleet.start(settings, lines::add)) {
            await(() -> fleet.signedIn() == 1, 10_000, "signed in: " + lines);
            RawHttp.Reply logout = raw.post("/api/v1/sessions/" + fleet.reports().get(0).sessionId() + "/logout",
                    adminToken, Json.GSON.toJson(LogoutRequest.afterSync(false, false, null, 15)));
            assertThat(logout.status()).as("%s", logout).isEqualTo(200);
            await(() -> fleet.reports().get(0).state().equals("LOGIN_PAGE"), 5_000, "login page: " + lines);
            DeviceFleet.DeviceReport report = fleet.reports().get(0);
            assertThat(report.toldBy()).isEqualTo("response");
            assertThat(report.syncedItems()).isEqualTo(3);
            assertThat(report.lostItems()).isZero();
        }
    }

    private static void await(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long giveUp = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > giveUp) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}

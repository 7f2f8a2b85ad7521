package com.sessiondesk.simulate;

import static com.sessiondesk.apitest.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Alert;
import com.sessiondesk.api.DeviceBlockRequest;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.apitest.Api;
import com.sessiondesk.apitest.Eventually;
import com.sessiondesk.apitest.TestServers;
import com.sessiondesk.server.SessionServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reference device plays the incidents against an in-process demo server: the guesser raises a
 * {@code failed_logins} alert for each account it guesses at, and the stolen phone, once an admin
 * blocks its device, is refused and raises a {@code blocked_device_attempt} alert.
 */
class SimulatedIncidentsTest {

    @RegisterExtension
    static final TestServers.Running<SessionServer> SERVER = TestServers.sqlite().demo();

    private static SessionDeskApi admin() {
        return Api.admin(SERVER.get().baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
    }

    private static CompletableFuture<String> play(Scenario scenario, int seconds) {
        SimArgs args = new SimArgs(SERVER.get().baseUrl(), 1, seconds, 1, false, SimArgs.DEFAULT_SYNC_MILLIS, -1,
                scenario);
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
                Simulator.run(args, out);
            }
            return bytes.toString(StandardCharsets.UTF_8);
        });
    }

    @Test
    void theGuesserRaisesAFailedLoginsAlertForEachAccount() throws Exception {
        SessionDeskApi admin = admin();
        String output = play(Scenario.GUESSER, 120).get();
        assertThat(output).contains("guesser: wrong password 6 for").contains("guesser: done");
        List<String> targets = new Guesser(admin, System.out).targets();
        List<Alert> alerts = ok(admin.alerts()).alerts().stream().filter(a -> a.kind().equals("failed_logins"))
                .toList();
        assertThat(alerts).extracting(Alert::username).containsExactlyInAnyOrderElementsOf(targets);
        assertThat(alerts).allSatisfy(a -> assertThat(a.count()).isGreaterThanOrEqualTo(5));
    }

    @Test
    void theStolenPhoneKeepsTryingAfterItsDeviceIsBlocked() throws Exception {
        SessionDeskApi admin = admin();
        CompletableFuture<String> played = play(Scenario.STOLEN_PHONE, 12);
        Session[] stolen = new Session[1];
        Eventually.within(Duration.ofSeconds(8), () -> {
            stolen[0] = ok(admin.sessions(null, null, null)).sessions().stream()
                    .filter(s -> s.deviceId().startsWith("stolen-")).findFirst().orElse(null);
            assertThat(stolen[0]).isNotNull();
        });
        ok(admin.blockDevice(stolen[0].deviceId(), new DeviceBlockRequest("Reported stolen", null)));
        Eventually.within(Duration.ofSeconds(8), () -> assertThat(ok(admin.alerts()).alerts())
                .filteredOn(a -> a.kind().equals("blocked_device_attempt"))
                .singleElement().satisfies(a -> {
                    assertThat(a.deviceId()).isEqualTo(stolen[0].deviceId());
                    assertThat(a.username()).isEqualTo(stolen[0].username());
                    assertThat(a.count()).isGreaterThanOrEqualTo(2);
                }));
        String output = played.get();
        assertThat(output).contains("signed in as " + stolen[0].username())
                .contains("logged out by the office").contains("refused, device blocked (try 2)");
    }
}

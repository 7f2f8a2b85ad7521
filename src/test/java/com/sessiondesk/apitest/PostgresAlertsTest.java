package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.Api.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Alert;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.api.SessionDeskApi;
import com.sessiondesk.server.SessionServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two service instances on one PostgreSQL: failed logins spread over both are counted together (one
 * alert, raised once), the alert raised through one instance reaches the feed and the stream of an
 * admin on the other, and an acknowledgement through one is seen on the other.
 */
class PostgresAlertsTest {

    private static final String USER = "pete.pair";

    @RegisterExtension
    static final TestServers.Running<SessionServer> SERVER = TestServers.postgres();
    private static SessionServer a;
    private static SessionServer b;

    @BeforeAll
    static void start() {
        a = SERVER.get();
        b = SERVER.another();
        TestUsers.add(SERVER.jdbcUrl(), USER, "Pete Pair", false);
    }

    @Test
    void failuresOnBothInstancesRaiseOneAlertSeenInTheOtherInstancesFeedAndStream() throws Exception {
        SessionDeskApi adminOfA = Api.admin(a.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
        SessionDeskApi adminOfB = Api.admin(b.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
        String cursor = ok(adminOfB.sessions(null, null, null)).cursor();
        String token = Api.adminToken(b.baseUrl(), TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
        try (FeedStreamReader stream = FeedStreamReader.open(b.baseUrl(), token, cursor)) {
            for (int i = 0; i < 3; i++) {
                assertThat(AlertsTest.failLogin(a.baseUrl(), USER, "pete-guess")).isEqualTo(401);
            }
            for (int i = 0; i < 2; i++) {
                assertThat(AlertsTest.failLogin(b.baseUrl(), USER, "pete-guess")).isEqualTo(401);
            }
            assertThat(AlertsTest.failLogin(a.baseUrl(), USER, "pete-guess")).isEqualTo(401);

            List<Alert> alerts = ok(adminOfB.alerts()).alerts().stream()
                    .filter(x -> x.kind().equals("failed_logins")).toList();
            assertThat(alerts).as("one alert for the 6 failures over both instances").hasSize(1);
            assertThat(alerts.get(0).count()).isEqualTo(6);

            SessionChanges changes = ok(adminOfB.sessionChanges(cursor));
            assertThat(changes.alerts()).extracting(Alert::id).containsExactly(alerts.get(0).id());

            Alert streamed = stream.nextAlert(Duration.ofSeconds(5), x -> x.count() == 6);
            assertThat(streamed).as("the alert on B's stream").isNotNull();
            assertThat(streamed.id()).isEqualTo(alerts.get(0).id());

            ok(adminOfA.acknowledgeAlert(alerts.get(0).id()));
            Alert acked = stream.nextAlert(Duration.ofSeconds(5), x -> x.acknowledgedAt() != null);
            assertThat(acked).as("the acknowledgement on B's stream").isNotNull();
            assertThat(acked.acknowledgedBy()).isEqualTo(TestServers.ADMIN);
        }
    }
}

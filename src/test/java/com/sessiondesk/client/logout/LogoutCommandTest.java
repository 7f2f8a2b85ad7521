package com.sessiondesk.client.logout;

import static com.sessiondesk.client.FakeAdminService.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.Delivery;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.TestContexts;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log out without its dialog: what it sends, what it asks after a lost answer, what it says. */
class LogoutCommandTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");

    final TestContexts t = new TestContexts();
    final FakeAdminService service = new FakeAdminService();
    final Session phone = session("s1", "bob.aide", "Bob Aide", "Galaxy A54", "Caregiver", NOW, 3, false);
    final Session tablet = session("s3", "bob.aide", "Bob Aide", "Tab S9", "EVV", NOW, 2, false);
    final List<Duration> pauses = new ArrayList<>();
    final List<LogoutOutcome> outcomes = new ArrayList<>();
    final List<String> steps = new ArrayList<>();

    LogoutCommand commandFor(LogoutTarget target) {
        var command = new LogoutCommand(service, target, t.context, new LogoutTexts(target, Clock.fixed(NOW, ZoneOffset.UTC)));
        command.pauseWith(pauses::add);
        return command;
    }

    void send(LogoutCommand command, LogoutRequest request) {
        command.send(request, () -> steps.add("checking"), outcome -> {
            steps.add("done");
            outcomes.add(outcome);
        });
    }

    @Test
    void aConfirmedLogOutIsDoneAtOnceWithoutAnyWait() {
        send(commandFor(LogoutTarget.ofSession(phone, List.of(phone, tablet))), LogoutRequest.of(false, false, "Lost"));
        assertThat(steps).containsExactly("done");
        assertThat(outcomes).containsExactly(new LogoutOutcome(true, "Signed out Bob Aide from Galaxy A54 (Caregiver)",
                List.of("s1"), false, null));
        assertThat(pauses).isEmpty();
    }

    @Test
    void aLostAnswerIsCheckedAPauseApartUntilTheServerSays() {
        service.sessions.add(phone); // still active at the first check
        service.failNext = new SocketTimeoutException("read timed out");
        var command = commandFor(LogoutTarget.ofSession(phone, List.of(phone)));
        command.checks(4, Duration.ofSeconds(5));
        command.pauseWith(pause -> {
            pauses.add(pause);
            service.sessions.clear(); // the delayed request went through meanwhile
        });
        send(command, LogoutRequest.of(false, false, null));
        assertThat(steps).containsExactly("checking", "done");
        assertThat(pauses).containsExactly(Duration.ofSeconds(5));
        assertThat(outcomes.get(0).done()).isTrue();
        assertThat(outcomes.get(0).message()).startsWith("Done: the server confirmed late.");
    }

    @Test
    void blockingAUserBlocksAndEndsTheSessionsTheClientKnows() {
        var target = LogoutTarget.ofUser(FakeAdminService.user("bob.aide", "Bob Aide", false, 2), List.of(phone, tablet));
        send(commandFor(target), new LogoutRequest(true, true, null, NOW.plusSeconds(3600)));
        assertThat(service.calls).containsExactly("blockUser bob.aide null");
        assertThat(service.lastBlockUntil).isEqualTo(NOW.plusSeconds(3600));
        assertThat(outcomes.get(0).endedSessionIds()).containsExactly("s1", "s3");
        assertThat(outcomes.get(0).blockedUntil()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void deliveriesAreAskedForUntilEveryDeviceWasTold() throws Exception {
        service.tracksDeliveries = true;
        AuditEvent waiting = new AuditEvent(8, NOW, "admin", "logout_all", "bob.aide", List.of("s1", "s3"), null, null, null,
                List.of(new Delivery("s1", NOW, "stream"), new Delivery("s3", null, null)));
        service.events.add(waiting);
        var command = commandFor(LogoutTarget.ofSession(phone, List.of(phone, tablet)));
        command.pauseWith(pause -> {
            pauses.add(pause);
            service.events.set(0, waiting.withDeliveries(List.of(new Delivery("s1", NOW, "stream"),
                    new Delivery("s3", NOW.plusSeconds(1), "response"))));
        });
        assertThat(command.awaitDeliveries(List.of("s1", "s3"))).isEqualTo(new LogoutCommand.Told(2, 2));
        assertThat(pauses).containsExactly(Duration.ofMillis(250));
        assertThat(command.awaitDeliveries(List.of("s9"))).as("no event lists it: no delivery data").isNull();
    }
}

package com.sessiondesk.client.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.client.FakeAdminService;
import com.sessiondesk.client.FakeDialogs;
import com.sessiondesk.client.common.FailureTranslator;
import com.sessiondesk.client.common.TaskRunner;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.server.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "New devices only" ticked around the first load: before its answer arrives, between the load and
 * the feed's first answer, while the table's order holds; the filter holds through the load and
 * through each answer of the feed, polled or pushed. The runner hands answers back when the test
 * says, in the order they came, as the FX thread would.
 */
class SessionFilterTest {

    static final Instant NOW = Instant.parse("2026-11-27T15:04:00Z");

    /** Background work and its answer run when the test drains the queue, in order. */
    static final class QueuedRunner implements TaskRunner {
        final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<? super T> onSuccess, Consumer<com.sessiondesk.client.common.ClientError> onFailure) {
            queue.add(() -> {
                T result;
                try {
                    result = work.call();
                } catch (Exception e) {
                    onFailure.accept(FailureTranslator.translate(e));
                    return;
                }
                onSuccess.accept(result);
            });
        }

        @Override
        public void later(Runnable update) {
            queue.add(update);
        }

        void drain() {
            for (Runnable next; (next = queue.poll()) != null; ) {
                next.run();
            }
        }
    }

    final QueuedRunner runner = new QueuedRunner();
    final FakeAdminService service = new FakeAdminService();
    final MutableClock clock = new MutableClock(NOW);
    SessionsViewModel vm;

    static Session session(String id, String username, String deviceId, Instant login, boolean newDevice) {
        return new Session(id, username, username, deviceId, "Galaxy A54", "Android 14", "Caregiver", "3.2.0", "English",
                login, login, 0, false, "10.0.0.1", null, newDevice, false);
    }

    static Session heartbeat(Session s, Instant at, int unsynced) {
        return new Session(s.id(), s.username(), s.name(), s.deviceId(), s.deviceModel(), s.deviceOs(), s.application(),
                s.appVersion(), s.language(), s.loginTime(), at, unsynced, false, s.address(), null, s.newDevice(), s.newAddress());
    }

    final Session fresh = session("fresh", "ana", "phone-ana", NOW.minus(Duration.ofHours(1)), true);
    final Session known = session("known", "bob", "phone-bob", NOW.minus(Duration.ofHours(2)), false);
    final Session stale = session("stale", "carl", "phone-carl", NOW.minus(Duration.ofHours(30)), true);

    @BeforeEach
    void setUp() {
        service.sessions.addAll(List.of(fresh, known, stale));
        vm = new SessionsViewModel(new ViewContext(runner, new FakeDialogs(), text -> { }, text -> { }), clock, new FakeDialogs());
    }

    private List<String> shown() {
        return vm.shown().stream().map(SessionRow::id).toList();
    }

    /** A feed answer: the known session's heartbeat and a new device's login, then ends. */
    private SessionChanges answer(String cursor, Session started) {
        return new SessionChanges(List.of(heartbeat(known, NOW.plusSeconds(5), 2), heartbeat(fresh, NOW.plusSeconds(6), 1), started),
                List.of(), List.of(), cursor);
    }

    private void feedAnswers(Session started) {
        clock.advance(Duration.ofSeconds(10));
        service.changes.add(answer("c1", started));
        vm.poll();
        runner.drain();
    }

    @Test
    void tickedBeforeTheFirstLoadArrivesItHoldsAfterTheLoadAndAPolledAnswer() {
        vm.connect(service); // the load is on its way
        vm.filter().newOnlyProperty().set(true);
        runner.drain();
        assertThat(shown()).as("after the first load").containsExactly("fresh");

        feedAnswers(session("later", "dan", "phone-dan", NOW.plusSeconds(8), true));
        assertThat(vm.filter().newOnlyProperty().get()).isTrue();
        assertThat(shown()).as("after the feed's answer").containsExactlyInAnyOrder("later", "fresh");
    }

    @Test
    void tickedBetweenTheLoadAndTheFirstPushedAnswerItHolds() {
        service.push = true;
        vm.connect(service);
        runner.drain();
        assertThat(shown()).hasSize(3);
        vm.filter().newOnlyProperty().set(true);
        assertThat(shown()).containsExactly("fresh");

        feedAnswers(session("later", "dan", "phone-dan", NOW.plusSeconds(8), true));
        assertThat(service.streamsOpened).as("the push form").isEqualTo(1);
        assertThat(shown()).as("after the pushed answer").containsExactlyInAnyOrder("later", "fresh");
    }

    @Test
    void tickedWhileTheFirstLoadIsOnItsWayAndAgainWhileAReloadIsOnItsWay() {
        vm.connect(service);
        vm.filter().newOnlyProperty().set(true);
        vm.refresh(); // F5 before the first answer: the first answer is dropped, the second shows
        runner.drain();
        assertThat(shown()).containsExactly("fresh");
        feedAnswers(session("later", "dan", "phone-dan", NOW.plusSeconds(8), false));
        assertThat(shown()).as("a known device's login stays hidden").containsExactly("fresh");
    }

    @Test
    void tickedWhileTheOrderHoldsItHoldsWhenTheWaitingAnswersApply() {
        vm.connect(service);
        runner.drain();
        vm.holdOrder(true); // the pointer over the table
        clock.advance(Duration.ofSeconds(10));
        service.changes.add(answer("c1", session("later", "dan", "phone-dan", NOW.plusSeconds(8), true)));
        vm.poll();
        runner.drain();
        assertThat(vm.waitingTextProperty().get()).as("the answer waits").isNotEmpty();
        vm.filter().newOnlyProperty().set(true);
        vm.holdOrder(false);
        assertThat(shown()).containsExactlyInAnyOrder("later", "fresh");
    }
}

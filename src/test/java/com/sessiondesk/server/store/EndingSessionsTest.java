package com.sessiondesk.server.store;

import static com.sessiondesk.server.store.StoreFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.Delivery;
import com.sessiondesk.api.EndedSession;
import com.sessiondesk.server.store.Records.MobileSession;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ending sessions now or after sync, in an admin action's transaction: what each call changes and returns. */
class EndingSessionsTest {

    @TempDir
    Path dir;
    private StoreFixture f;
    private long maria;

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
        maria = f.user("maria.lopez");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void endingReturnsOnlyTheSessionsThisCallEndedInTheOrderAsked() {
        String a = f.login(maria, "ta", 100);
        String b = f.login(maria, "tb", 100);
        String c = f.login(maria, "tc", 100);
        f.admin(q -> q.end(List.of(b), "admin", "First", 150));

        List<String> ended = f.admin(q -> q.end(List.of(c, b, "unknown", a), "admin", "Lost phone", 200));

        assertThat(ended).containsExactly(c, a);
        assertThat(f.<List<String>>admin(q -> q.end(List.of(a, c), "admin", "Again", 300))).isEmpty();
        assertThat(f.<List<String>>admin(q -> q.end(List.of(), "admin", "None", 300))).isEmpty();
        MobileSession session = f.store.mobileSession("ta").orElseThrow();
        assertThat(session.ended()).isTrue();
        assertThat(session.endedBy()).isEqualTo("admin");
        assertThat(session.endReason()).isEqualTo("Lost phone");
        assertThat(f.store.mobileSession("tb").orElseThrow().endReason()).isEqualTo("First");
        assertThat(f.store.countActiveSessions()).isZero();
    }

    @Test
    void startEndingMarksActiveSessionsOnceWithWhoWhyAndDeadline() {
        String a = f.login(maria, "ta", 100);
        String gone = f.login(maria, "tb", 100);
        f.admin(q -> q.end(List.of(gone), "admin", "Gone", 150));

        List<String> changed = f.admin(q -> q.startEnding(List.of(gone, a), "admin", "Sync first", 200, 50_000));

        assertThat(changed).containsExactly(a);
        assertThat(f.<List<String>>admin(q -> q.startEnding(List.of(a), "other", "Again", 300, 90_000))).isEmpty();
        assertThat(f.<List<String>>admin(q -> q.startEnding(List.of(), "other", "None", 300, 90_000))).isEmpty();
        MobileSession session = f.store.mobileSession("ta").orElseThrow();
        assertThat(session.ended()).isFalse();
        assertThat(session.endAfter()).isEqualTo(50_000L);
        assertThat(session.endedBy()).isEqualTo("admin");
        assertThat(session.endReason()).isEqualTo("Sync first");
    }

    @Test
    void aDueEndingEndsAtItsDeadlineAndTheFeedSaysSoWithWhoAndWhy() {
        String id = f.login(maria, "ta", 100);
        String later = f.login(maria, "tb", 100);
        f.admin(q -> q.startEnding(List.of(id), "admin", "Sync first", 200, 50_000));
        f.admin(q -> q.startEnding(List.of(later), "other", "Later", 200, 80_000));
        String cursor = f.store.sessionFeedCursor();

        f.admin(q -> {
            q.finishDueEndings(60_000);
            return null;
        });

        assertThat(f.store.sessionChanges(cursor).orElseThrow().ended())
                .containsExactly(new EndedSession(id, "maria.lopez", "admin", "Sync first"));
        assertThat(f.store.sessionSignal(id).orElseThrow().endedAt()).isEqualTo(50_000L);
        assertThat(f.store.sessionSignal(later).orElseThrow().endedAt()).isNull();
        assertThat(f.store.finishDueEndings(60_000)).as("nothing left due").isZero();
    }

    @Test
    void aSessionThatIsNotEndingDoesNotEndAfterSync() {
        String id = f.login(maria, "ta", 100);

        assertThat(f.store.endSessionAfterSync(id, 200)).isFalse();
        assertThat(f.store.endSessionAfterSync("unknown", 200)).isFalse();

        assertThat(f.store.mobileSession("ta").orElseThrow().ended()).isFalse();
    }

    @Test
    void anAuditedActionWaitsForADeliveryToEachSessionsDevice() {
        String a = f.login(maria, "ta", 100);
        String b = f.login(maria, "tb", 100);

        f.admin(q -> {
            q.audit(AuditAction.LOGOUT_SESSIONS, "admin", "maria.lopez", List.of(a, b), "Lost phone", null, NOW);
            return null;
        });
        f.store.markDelivered(List.of(a), "stream", NOW + 10);

        assertThat(f.store.audit("maria.lopez", 10).get(0).deliveries()).containsExactlyInAnyOrder(
                new Delivery(a, Instant.ofEpochMilli(NOW + 10), "stream", "Pixel 7"),
                new Delivery(b, null, null, "Pixel 7"));
    }
}

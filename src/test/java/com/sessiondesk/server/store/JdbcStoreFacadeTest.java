package com.sessiondesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.server.store.Records.AdminToken;
import com.sessiondesk.server.store.Records.Device;
import com.sessiondesk.server.store.Records.ThrottleCounter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each of the store's plain calls changes in the database or answers, on SQLite. */
class JdbcStoreFacadeTest {

    @TempDir
    Path dir;
    private Database db;
    private JdbcStore store;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("s.db"));
        new Migrations(db).run();
        store = new JdbcStore(db);
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private long createMaria() {
        store.createUser("maria.lopez", "Maria Lopez", "hash-1", false, 1);
        return store.credentials("maria.lopez").orElseThrow().userId();
    }

    private String login(long userId, String tokenHash, long at) {
        return store.startSession(userId, new Device("Caregiver", "1.0", "phone-" + tokenHash, "Pixel 7",
                "Android 14", "Spanish"), tokenHash, at).orElseThrow();
    }

    @Test
    void aNewDatabaseHasNoUsersAndOneCreatedUserIsListed() {
        assertThat(store.hasUsers()).isFalse();
        assertThat(store.users()).isEmpty();

        assertThat(store.createUser("maria.lopez", "Maria Lopez", "hash-1", false, 1)).isTrue();

        assertThat(store.hasUsers()).isTrue();
        assertThat(store.users()).extracting(u -> u.username()).containsExactly("maria.lopez");
        assertThat(store.database()).isSameAs(db);
    }

    @Test
    void aPasswordHashIsReplacedOnlyForAKnownUser() {
        createMaria();

        assertThat(store.setPasswordHash("maria.lopez", "hash-2")).isTrue();
        assertThat(store.setPasswordHash("nobody", "hash-3")).isFalse();

        assertThat(store.credentials("maria.lopez").orElseThrow().passwordHash()).isEqualTo("hash-2");
    }

    @Test
    void aSessionTokenIsKnownWhileItsSessionLivesAndCountsAsActive() {
        long maria = createMaria();
        assertThat(store.countActiveSessions()).isZero();

        String session = login(maria, "t1", 1000);

        assertThat(store.mobileSession("t1")).isPresent();
        assertThat(store.mobileSession("t2")).isEmpty();
        assertThat(store.countActiveSessions()).isEqualTo(1);

        store.expireSession(session, 2000);

        assertThat(store.countActiveSessions()).isZero();
        assertThat(store.mobileSession("t1").orElseThrow().expired()).isTrue();
    }

    @Test
    void anAdminTokenIsFoundTouchedAndRevoked() {
        store.createUser("admin", "Admin", "x", true, 1);
        long admin = store.credentials("admin").orElseThrow().userId();
        store.createAdminToken("a1", admin, 1000, 99_000);

        AdminToken token = store.adminToken("a1").orElseThrow();
        assertThat(token.username()).isEqualTo("admin");
        assertThat(token.superUser()).isTrue();
        assertThat(token.expiresAt()).isEqualTo(99_000);

        store.touchAdminToken("a1", 5000);
        assertThat(store.adminToken("a1").orElseThrow().lastUsedAt()).isEqualTo(5000);

        store.revokeAdminToken("a1");
        assertThat(store.adminToken("a1")).isEmpty();
    }

    @Test
    void anAuditedActionIsReadBack() {
        createMaria();

        store.recordAudit(AuditAction.BLOCK, "admin", "maria.lopez", List.of(), "Lost phone", 1000);

        assertThat(store.audit("maria.lopez", 10)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("block");
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.reason()).isEqualTo("Lost phone");
        });
    }

    @Test
    void aSecurityEventIsRecordedWithItsAddress() {
        store.recordSecurityEvent(AuditAction.MOBILE_LOGIN_FAILED, "maria.lopez", "10.0.0.7", null, 60_000);

        assertThat(store.audit(null, 10)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("mobile_login_failed");
            assertThat(e.address()).isEqualTo("10.0.0.7");
        });
    }

    @Test
    void theLoginThrottleReservesUpToItsLimitThenSaysHowLongToWait() {
        List<ThrottleCounter> counter = List.of(new ThrottleCounter("k", 2, 60_000));

        assertThat(store.reserveLoginAttempts(counter, 1000)).isZero();
        assertThat(store.reserveLoginAttempts(counter, 2000)).isZero();
        assertThat(store.reserveLoginAttempts(counter, 3000)).isEqualTo(58_000);

        store.settleLoginAttempts(List.of("k"), List.of(), null, 0);
        assertThat(store.reserveLoginAttempts(counter, 4000)).isZero();

        store.settleLoginAttempts(List.of(), List.of("k"), "k", 90_000);
        assertThat(store.isKnownLoginClient("k", 89_999)).isTrue();
        assertThat(store.isKnownLoginClient("k", 90_000)).isFalse();
        assertThat(store.reserveLoginAttempts(counter, 5000)).isZero();
    }

    @Test
    void purgingTheThrottleForgetsEndedWindowsButNotKnownClients() {
        List<ThrottleCounter> counter = List.of(new ThrottleCounter("k", 1, 60_000));
        store.reserveLoginAttempts(counter, 1000);
        store.reserveLoginAttempts(List.of(new ThrottleCounter("known", 1, 60_000)), 1000);
        store.settleLoginAttempts(List.of(), List.of(), "known", 500_000);

        store.purgeLoginThrottle(2000, 100_000);

        assertThat(store.reserveLoginAttempts(counter, 3000)).as("its window was forgotten").isZero();
        assertThat(store.isKnownLoginClient("known", 100_000)).isTrue();
    }

    @Test
    void metaKeepsTheFirstValueStored() {
        assertThat(store.meta("key")).isEmpty();
        assertThat(store.metaIfAbsent("key", "first")).isEqualTo("first");
        assertThat(store.metaIfAbsent("key", "second")).isEqualTo("first");

        store.setMeta("key", "third");

        assertThat(store.meta("key")).contains("third");
    }

    @Test
    void theFeedCursorMovesWithALoginAndPruningDropsOldRows() {
        long maria = createMaria();
        String before = store.sessionFeedCursor();

        login(maria, "t1", 1000);

        String after = store.sessionFeedCursor();
        assertThat(after).isNotEqualTo(before);
        assertThat(store.sessionChanges(before).orElseThrow().upserted()).hasSize(1);

        assertThat(store.pruneSessionFeed(Long.MAX_VALUE)).isPositive();
        assertThat(store.pruneSessionFeed(Long.MAX_VALUE)).isZero();
    }
}

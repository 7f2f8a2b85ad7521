package com.sessiondesk.server.store;

import static com.sessiondesk.server.store.StoreFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.BlockChange;
import com.sessiondesk.api.User;
import com.sessiondesk.server.store.AdminQueries.LockedAccount;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each SQL step of the admin actions changes in the database, on SQLite. */
class AdminQueriesTest {

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

    private static LockedAccount maria(AdminQueries q) throws java.sql.SQLException {
        return q.lockAccount("maria.lopez", NOW).orElseThrow();
    }

    @Test
    void activeOwnersNamesOnlyActiveSessionsAcrossChunksOf500() {
        long ana = f.user("ana");
        String first = f.login(maria, "t1", 100);
        String ended = f.login(maria, "t2", 100);
        String last = f.login(ana, "t3", 100);
        f.store.expireSession(ended, 200);
        List<String> ids = new ArrayList<>();
        ids.add(first);
        ids.add(ended);
        for (int i = 0; i < 1000; i++) {
            ids.add("unknown-" + i);
        }
        ids.add(last);

        Map<String, Long> owners = f.admin(q -> q.activeOwners(ids));

        assertThat(owners).containsOnly(Map.entry(first, maria), Map.entry(last, ana));
        assertThat(f.<Map<String, Long>>admin(q -> q.activeOwners(List.of()))).isEmpty();
    }

    @Test
    void usernamesByIdLeavesOutUnknownIds() {
        long ana = f.user("ana");
        LinkedHashSet<Long> ids = new LinkedHashSet<>(List.of(ana, 999L, maria));

        assertThat(f.<Map<Long, String>>admin(q -> q.usernamesById(ids)))
                .containsOnly(Map.entry(ana, "ana"), Map.entry(maria, "maria.lopez"));
    }

    @Test
    void blockingAnAccountStoresWhoWhyAndUntilAndTellsTheFeed() {
        String cursor = f.store.sessionFeedCursor();
        LockedAccount account = f.account("maria.lopez");
        assertThat(account.blocked()).isFalse();

        assertThat(f.<Boolean>admin(q -> q.applyBlock(account, "admin", "Lost phone", NOW + 60_000, NOW - 5))).isTrue();

        User user = f.store.user("maria.lopez").orElseThrow();
        assertThat(user.blocked()).isTrue();
        assertThat(user.blockedBy()).isEqualTo("admin");
        assertThat(user.blockReason()).isEqualTo("Lost phone");
        assertThat(user.blockedAt()).isEqualTo(Instant.ofEpochMilli(NOW - 5));
        assertThat(user.blockedUntil()).isEqualTo(Instant.ofEpochMilli(NOW + 60_000));
        assertThat(f.store.sessionChanges(cursor).orElseThrow().blockChanges()).containsExactly(
                new BlockChange("maria.lopez", true, Instant.ofEpochMilli(NOW + 60_000), "admin", "Lost phone"));
        assertThat(f.store.credentials("maria.lopez").orElseThrow().blocked()).isTrue();
    }

    @Test
    void aBlockWithoutEndLastsUntilUnblocked() {
        LockedAccount account = f.account("maria.lopez");

        assertThat(f.<Boolean>admin(q -> q.applyBlock(account, "admin", "Left", null, NOW))).isTrue();

        User user = f.store.user("maria.lopez").orElseThrow();
        assertThat(user.blocked()).isTrue();
        assertThat(user.blockedUntil()).isNull();
        assertThat(f.account("maria.lopez").until()).isNull();
    }

    @Test
    void blockingAgainWithTheSameEndChangesNothingAndANewEndKeepsTheFirstBlock() {
        f.admin(q -> q.applyBlock(maria(q), "admin", "Lost phone", NOW + 60_000, NOW - 5));
        String cursor = f.store.sessionFeedCursor();

        assertThat(f.<Boolean>admin(q -> q.applyBlock(maria(q), "other", "Again", NOW + 60_000, NOW)))
                .isFalse();
        assertThat(f.store.sessionFeedCursor()).as("nothing written to the feed").isEqualTo(cursor);

        assertThat(f.<Boolean>admin(q -> q.applyBlock(maria(q), "other", "Later", NOW + 90_000, NOW)))
                .isTrue();
        User user = f.store.user("maria.lopez").orElseThrow();
        assertThat(user.blockedUntil()).isEqualTo(Instant.ofEpochMilli(NOW + 90_000));
        assertThat(user.blockedBy()).as("the first block is kept").isEqualTo("admin");
        assertThat(user.blockReason()).isEqualTo("Lost phone");
        assertThat(user.blockedAt()).isEqualTo(Instant.ofEpochMilli(NOW - 5));
    }

    @Test
    void aLapsedBlockIsBlockedAgainAsANewBlock() {
        f.admin(q -> q.applyBlock(maria(q), "admin", "Short", NOW - 1, NOW - 100));
        LockedAccount lapsed = f.account("maria.lopez");
        assertThat(lapsed.blocked()).isFalse();
        assertThat(lapsed.flagged()).isTrue();

        assertThat(f.<Boolean>admin(q -> q.applyBlock(lapsed, "other", "Again", NOW + 1, NOW))).isTrue();

        User user = f.store.user("maria.lopez").orElseThrow();
        assertThat(user.blockedBy()).isEqualTo("other");
        assertThat(user.blockReason()).isEqualTo("Again");
    }

    @Test
    void clearingABlockEmptiesEveryBlockColumnAndTheFeedSaysUnblocked() {
        f.admin(q -> q.applyBlock(maria(q), "admin", "Lost phone", NOW + 60_000, NOW));
        String cursor = f.store.sessionFeedCursor();
        LockedAccount account = f.account("maria.lopez");

        f.admin(q -> {
            q.clearBlock(account);
            q.feedUnblocked(account, "admin", NOW);
            return null;
        });

        LockedAccount cleared = f.account("maria.lopez");
        assertThat(cleared.flagged()).isFalse();
        assertThat(cleared.until()).isNull();
        assertThat(f.store.user("maria.lopez").orElseThrow().blockedBy()).isNull();
        assertThat(f.store.sessionChanges(cursor).orElseThrow().blockChanges()).containsExactly(
                new BlockChange("maria.lopez", false, null, "admin", null));
    }

    @Test
    void aNewPasswordHashReplacesOnlyThatAccountsHash() {
        f.user("ana");

        f.admin(q -> {
            q.setPasswordHash(maria(q), "new-hash");
            return null;
        });

        assertThat(f.store.credentials("maria.lopez").orElseThrow().passwordHash()).isEqualTo("new-hash");
        assertThat(f.store.credentials("ana").orElseThrow().passwordHash()).isEqualTo("hash-ana");
    }

    @Test
    void revokingAdminTokensKeepsTheOneAskedForAndCountsTheOthers() {
        f.store.createAdminToken("a1", maria, NOW, NOW + 60_000);
        f.store.createAdminToken("a2", maria, NOW, NOW + 60_000);
        f.store.createAdminToken("a3", maria, NOW, NOW + 60_000);
        long ana = f.user("ana");
        f.store.createAdminToken("b1", ana, NOW, NOW + 60_000);

        assertThat(f.<Integer>admin(q -> q.revokeAdminTokensExcept(maria(q), "a2"))).isEqualTo(2);

        assertThat(f.store.adminToken("a1")).isEmpty();
        assertThat(f.store.adminToken("a2")).isPresent();
        assertThat(f.store.adminToken("b1")).isPresent();
        assertThat(f.<Integer>admin(q -> q.revokeAdminTokensExcept(maria(q), null))).isEqualTo(1);
        assertThat(f.store.adminToken("a2")).isEmpty();
    }

    @Test
    void revokingEveryAdminTokenIsAudited() {
        f.store.createAdminToken("a1", maria, NOW, NOW + 60_000);

        f.admin(q -> {
            q.revokeAdminTokens(maria(q), "admin", "blocked", NOW);
            return null;
        });

        assertThat(f.store.adminToken("a1")).isEmpty();
        assertThat(f.store.audit("maria.lopez", 10)).isNotEmpty();
    }

    @Test
    void theAccountIsReadInTheTransaction() {
        f.login(maria, "t1", 100);

        User user = f.admin(q -> q.user("maria.lopez", NOW)).orElseThrow();

        assertThat(user.name()).isEqualTo("Name of maria.lopez");
        assertThat(user.activeSessions()).isEqualTo(1);
        assertThat(f.<java.util.Optional<User>>admin(q -> q.user("nobody", NOW))).isEmpty();
    }
}

package com.sessiondesk.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.User;
import com.sessiondesk.server.store.ActionRefused;
import com.sessiondesk.server.store.Blocks;
import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.JdbcStore;
import com.sessiondesk.server.store.Migrations;
import com.sessiondesk.server.store.Records.Device;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of a log out and a block, on every path that can take them: a block ends every session
 * and revokes the account's admin tokens, nobody blocks their own account, each action records the
 * right audit event with a delivery per session, and a timed block ends at its instant.
 */
class LogoutServiceTest {

    @TempDir
    Path dir;
    private Database db;
    private JdbcStore store;
    private Logouts logouts;
    private long adminId;
    private long mariaId;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("r.db"));
        new Migrations(db).run();
        store = new JdbcStore(db);
        logouts = new Logouts(db);
        store.createUser("admin", "Admin", "x", true, 1);
        store.createUser("maria.lopez", "Maria Lopez", "x", true, 1);
        adminId = store.credentials("admin").orElseThrow().userId();
        mariaId = store.credentials("maria.lopez").orElseThrow().userId();
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    // --- the orders, as the routes give them ---

    private Optional<LogoutResult> logoutSession(String id, boolean allDevices, boolean block, Long until,
            String actor, long now, Long syncDeadline) {
        return syncDeadline == null ? logouts.session(id, allDevices, block, "why", until, actor, now)
                : logouts.sessionAfterSync(id, allDevices, block, "why", until, actor, now, syncDeadline);
    }

    private Optional<LogoutResult> logoutUser(String username, String actor, long now, Long syncDeadline) {
        return logouts.account(username, "why", actor, now, syncDeadline);
    }

    private Optional<User> blockUser(String username, Long until, String actor, long now, Long syncDeadline) {
        return logouts.block(username, "why", until, actor, now, syncDeadline);
    }

    private BulkLogoutResult logoutSessions(List<String> ids, boolean block, Long until, String actor, long now) {
        return logouts.sessions(ids, block, "why", until, actor, now);
    }

    // --- helpers ---

    private String login(long userId, String token, String device, long at) {
        return store.startSession(userId, new Device("Caregiver", "1.0", device, "Pixel 7", "Android 14", "Spanish"),
                token, at).orElseThrow();
    }

    /** The actions an admin chose (the admin tokens a block revokes are recorded as their own action). */
    private List<AuditEvent> events(String username) {
        return store.audit(username, 50).stream()
                .filter(e -> !e.security() && !e.action().equals("admin_tokens_revoked")).toList();
    }

    private List<AuditEvent> tokensRevoked(String username) {
        return store.audit(username, 50).stream().filter(e -> e.action().equals("admin_tokens_revoked")).toList();
    }

    private boolean active(String token) {
        return !store.mobileSession(token).orElseThrow().ended();
    }

    // --- self-block refused on every path ---

    @Test
    void nobodyBlocksTheirOwnAccountThroughASingleSessionLogOutWithBlock() {
        String own = login(adminId, "a1", "phone", 1000);
        for (Long deadline : new Long[] {null, 60_000L}) {
            assertThatThrownBy(() -> logoutSession(own, false, true, null, "admin", 2000, deadline))
                    .isInstanceOf(ActionRefused.class).hasMessageContaining("your own account");
        }
        assertThat(store.user("admin").orElseThrow().blocked()).isFalse();
        assertThat(active("a1")).as("nothing ended").isTrue();
        assertThat(store.audit("admin", 10)).isEmpty();
    }

    @Test
    void nobodyBlocksTheirOwnAccountThroughTheAccountOrTheBulkLogOut() {
        String own = login(adminId, "a1", "phone", 1000);
        store.createAdminToken("admin-token", adminId, 1, 1_000_000);
        for (Long deadline : new Long[] {null, 60_000L}) {
            assertThatThrownBy(() -> blockUser("admin", null, "admin", 2000, deadline))
                    .isInstanceOf(ActionRefused.class);
        }
        assertThatThrownBy(() -> logoutSessions(List.of(own), true, null, "admin", 2000))
                .isInstanceOf(ActionRefused.class);
        assertThat(store.user("admin").orElseThrow().blocked()).isFalse();
        assertThat(active("a1")).isTrue();
        assertThat(store.adminToken("admin-token")).as("tokens kept").isPresent();
        assertThat(store.audit("admin", 10)).isEmpty();
    }

    @Test
    void anAdminMayLogOutTheirOwnSessionsWithoutABlock() {
        String own = login(adminId, "a1", "phone", 1000);
        assertThat(logoutSession(own, true, false, null, "admin", 2000, null).orElseThrow().endedSessionIds())
                .containsExactly(own);
    }

    // --- a block ends every session and revokes the account's admin tokens, audited ---

    @Test
    void everyBlockPathRevokesTheAccountsAdminTokensAndAuditsIt() {
        record Path(String name, Runnable block) {
        }
        List<Path> paths = List.of(
                new Path("session", () -> logoutSession(login(mariaId, "s1", "d1", 1000), false, true, null,
                        "admin", 2000, null)),
                new Path("session after sync", () -> logoutSession(login(mariaId, "s2", "d2", 1000), false, true,
                        null, "admin", 2000, 90_000L)),
                new Path("account", () -> blockUser("maria.lopez", null, "admin", 2000, null)),
                new Path("account after sync", () -> blockUser("maria.lopez", null, "admin", 2000, 90_000L)),
                new Path("bulk", () -> logoutSessions(List.of(login(mariaId, "s3", "d3", 1000)), true, null, "admin",
                        2000)));
        for (Path path : paths) {
            logouts.unblock("maria.lopez", "admin", 1500);
            store.createAdminToken("maria-token", mariaId, 1, 1_000_000);
            int revokedBefore = tokensRevoked("maria.lopez").size();
            path.block().run();
            assertThat(store.user("maria.lopez").orElseThrow().blocked()).as(path.name()).isTrue();
            assertThat(store.adminToken("maria-token")).as(path.name()).isEmpty();
            assertThat(tokensRevoked("maria.lopez")).as(path.name()).hasSize(revokedBefore + 1)
                    .first().satisfies(e -> {
                        assertThat(e.action()).isEqualTo("admin_tokens_revoked");
                        assertThat(e.actor()).isEqualTo("admin");
                    });
        }
    }

    @Test
    void aLogOutWithoutBlockKeepsTheAdminTokens() {
        store.createAdminToken("maria-token", mariaId, 1, 1_000_000);
        String s = login(mariaId, "s1", "d1", 1000);
        logoutSession(s, true, false, null, "admin", 2000, null);
        logoutUser("maria.lopez", "admin", 3000, null);
        logoutSessions(List.of(login(mariaId, "s2", "d2", 3500)), false, null, "admin", 4000);
        assertThat(store.adminToken("maria-token")).isPresent();
    }

    @Test
    void aSingleSessionBlockEndsEverySessionOfTheAccount() {
        String a = login(mariaId, "s1", "d1", 1000);
        String b = login(mariaId, "s2", "d2", 1000);
        LogoutResult result = logoutSession(a, false, true, null, "admin", 2000, null).orElseThrow();
        assertThat(result.endedSessionIds()).containsExactlyInAnyOrder(a, b);
        assertThat(result.blocked()).isTrue();
    }

    // --- which audit event, with a delivery per session ---

    @Test
    void eachLogOutRecordsItsOwnActionWithTheSessionsAndTheirDeliveries() {
        String one = login(mariaId, "s1", "d1", 1000);
        String other = login(mariaId, "s2", "d2", 1000);
        logoutSession(one, false, false, null, "admin", 2000, null);
        assertThat(active("s2")).as("only that session").isTrue();
        logoutSession(other, true, false, null, "admin", 3000, null);
        String third = login(mariaId, "s3", "d3", 3500);
        logoutUser("maria.lopez", "admin", 4000, null);
        String fourth = login(mariaId, "s4", "d4", 4500);
        blockUser("maria.lopez", 10_000L, "admin", 5000, null);
        List<AuditEvent> events = events("maria.lopez");
        assertThat(events).extracting(AuditEvent::action)
                .containsExactly("block", "logout_all", "logout_all", "logout_session");
        assertThat(events).extracting(AuditEvent::sessionIds)
                .containsExactly(List.of(fourth), List.of(third), List.of(other), List.of(one));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.reason()).isEqualTo("why");
            assertThat(e.deliveries()).extracting(d -> d.sessionId()).containsExactlyElementsOf(e.sessionIds());
        });
        assertThat(events.get(0).until()).as("the block's end").isNotNull();
        assertThat(events.get(0).until().toEpochMilli()).isEqualTo(10_000L);
        assertThat(events.get(1).until()).isNull();
    }

    @Test
    void aLogOutAfterSyncMakesTheSessionsEndingAndRecordsTheirDeliveries() {
        String one = login(mariaId, "s1", "d1", 1000);
        LogoutResult session = logoutSession(one, false, false, null, "admin", 2000, 60_000L).orElseThrow();
        assertThat(session.endedSessionIds()).isEmpty();
        assertThat(session.endingSessionIds()).containsExactly(one);
        assertThat(session.syncDeadline().toEpochMilli()).isEqualTo(60_000L);
        String two = login(mariaId, "s2", "d2", 3000);
        LogoutResult user = logoutUser("maria.lopez", "admin", 4000, 70_000L).orElseThrow();
        assertThat(user.endingSessionIds()).containsExactly(two);
        List<AuditEvent> events = events("maria.lopez");
        assertThat(events).extracting(AuditEvent::action).containsExactly("logout_all", "logout_session");
        assertThat(events).extracting(AuditEvent::sessionIds).containsExactly(List.of(two), List.of(one));
        assertThat(events.get(0).deliveries()).hasSize(1);
        assertThat(store.sessionSignal(one).orElseThrow().endAfter()).isEqualTo(60_000L);
        assertThat(store.mobileSession("s1").orElseThrow().ended()).as("ending, not ended").isFalse();
    }

    @Test
    void aBulkLogOutIsOneEventNamingTheUserWhenThereIsOne() {
        String a = login(mariaId, "s1", "d1", 1000);
        String b = login(mariaId, "s2", "d2", 1000);
        BulkLogoutResult result = logoutSessions(List.of(a, b, "gone"), false, null, "admin", 2000);
        assertThat(result.endedSessionIds()).containsExactlyInAnyOrder(a, b);
        assertThat(result.skippedSessionIds()).containsExactly("gone");
        List<AuditEvent> events = events("maria.lopez");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("logout_sessions");
            assertThat(e.deliveries()).hasSize(2);
        });
        String c = login(mariaId, "s3", "d3", 3000);
        BulkLogoutResult blocked = logoutSessions(List.of(c), true, 9000L, "admin", 4000);
        assertThat(blocked.blockedUsernames()).containsExactly("maria.lopez");
        assertThat(events("maria.lopez").get(0).action()).isEqualTo("block_sessions");
        assertThat(events("maria.lopez").get(0).until().toEpochMilli()).isEqualTo(9000L);
    }

    @Test
    void anUnblockIsAuditedOnlyWhenABlockWasInForce() {
        blockUser("maria.lopez", 10_000L, "admin", 1000, null);
        logouts.unblock("maria.lopez", "admin", 2000);
        logouts.unblock("maria.lopez", "admin", 3000);
        assertThat(events("maria.lopez")).extracting(AuditEvent::action).containsExactly("unblock", "block");
    }

    // --- a timed block ends at its instant ---

    @Test
    void aTimedBlockIsInForceUpToItsEndAndNotAtIt() {
        blockUser("maria.lopez", 10_000L, "admin", 1000, null);
        assertThat(Blocks.inForce(true, 10_000L, 9_999)).isTrue();
        assertThat(Blocks.inForce(true, 10_000L, 10_000)).isFalse();
        assertThat(Blocks.inForce(true, null, 10_000)).isTrue();
        assertThat(Blocks.inForce(false, null, 1)).isFalse();
        assertThat(store.startSession(mariaId, new Device("EVV", "1", "d", "m", "o", "l"), "t-before", 9_999))
                .as("blocked one millisecond before the end").isEmpty();
        assertThat(store.startSession(mariaId, new Device("EVV", "1", "d", "m", "o", "l"), "t-at", 10_000))
                .as("free at the end").isPresent();
    }

    @Test
    void aLapsedBlockIsNoBlockAndANewOneStartsOver() {
        blockUser("maria.lopez", 10_000L, "admin", 1000, null);
        store.createAdminToken("maria-token", mariaId, 1, 1_000_000);
        String s = login(mariaId, "s1", "d1", 10_000);
        LogoutResult result = logoutSession(s, false, true, null, "admin", 10_000, null).orElseThrow();
        assertThat(result.blocked()).isTrue();
        assertThat(events("maria.lopez")).extracting(AuditEvent::action).containsExactly("block", "block");
        assertThat(store.adminToken("maria-token")).isEmpty();
    }

    // --- from the store's tests, where these rules were ---

    @Test
    void blockEndsEverySessionAndIsOneEvent() {
        String a = loginMaria("t1", "Caregiver", "phone", 1000);
        String b = loginMaria("t2", "EVV", "tablet", 2000);
        LogoutResult result = logouts.session(a, false, true, "Left", null, "admin", 3000).orElseThrow();
        assertThat(result.endedSessionIds()).containsExactlyInAnyOrder(a, b);
        assertThat(result.blocked()).isTrue();
        List<AuditEvent> events = store.audit("maria.lopez", 10);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).action()).isEqualTo("block");
        assertThat(events.get(0).sessionIds()).containsExactlyInAnyOrder(a, b);
        assertThat(store.startSession(mariaId, new Device("Caregiver", "1", "d", "m", "o", "l"), "t3", 4000))
                .isEmpty();
    }

    @Test
    void actionsThatChangeNothingRecordNoEvent() {
        String a = loginMaria("t1", "Caregiver", "phone", 1000);
        logouts.session(a, false, false, null, null, "admin", 2000);
        LogoutResult again = logouts.session(a, false, false, null, null, "admin", 3000).orElseThrow();
        assertThat(again.endedSessionIds()).isEmpty();
        logouts.unblock("maria.lopez", "admin", 4000);
        logouts.account("maria.lopez", null, "admin", 5000, null);
        assertThat(store.audit("maria.lopez", 10)).extracting(AuditEvent::action).containsExactly("logout_session");
    }

    @Test
    void blockOfAnEndedSessionStillBlocks() {
        String a = loginMaria("t1", "Caregiver", "phone", 1000);
        store.endSessionByUser(a, "maria.lopez", 2000);
        LogoutResult result = logouts.session(a, false, true, null, null, "admin", 3000).orElseThrow();
        assertThat(result.endedSessionIds()).isEmpty();
        assertThat(result.blocked()).isTrue();
        assertThat(store.user("maria.lopez").orElseThrow().blocked()).isTrue();
        assertThat(store.audit("maria.lopez", 10)).extracting(AuditEvent::action).containsExactly("block");
    }

    @Test
    void adminCannotBlockTheirOwnAccount() {
        assertThatThrownBy(() -> logouts.block("admin", null, null, "admin", 1000, null)).isInstanceOf(ActionRefused.class);
        assertThat(store.user("admin").orElseThrow().blocked()).isFalse();
    }

    @Test
    void unknownSessionOrUserIsEmpty() {
        assertThat(logouts.session("nope", true, true, null, null, "admin", 1)).isEmpty();
        assertThat(logouts.block("nobody", null, null, "admin", 1, null)).isEmpty();
        assertThat(store.activeSession("nope")).isEmpty();
    }

    // --- what a block and an unblock answer and tell the live consoles ---

    @Test
    void aBlockAnswersTheBlockedAccountAndAnUnblockTheFreedOne() {
        login(mariaId, "s1", "d1", 1000);
        User blocked = blockUser("maria.lopez", 90_000L, "admin", 2000, null).orElseThrow();
        assertThat(blocked.username()).isEqualTo("maria.lopez");
        assertThat(blocked.blocked()).isTrue();
        assertThat(blocked.blockedBy()).isEqualTo("admin");
        assertThat(blocked.blockReason()).isEqualTo("why");
        assertThat(blocked.blockedAt().toEpochMilli()).isEqualTo(2000L);
        assertThat(blocked.blockedUntil().toEpochMilli()).isEqualTo(90_000L);
        assertThat(blocked.activeSessions()).isZero();
        User freed = logouts.unblock("maria.lopez", "admin", 3000).orElseThrow();
        assertThat(freed.blocked()).isFalse();
        assertThat(freed.blockedBy()).isNull();
        assertThat(freed.blockedUntil()).isNull();
        assertThat(logouts.unblock("nobody", "admin", 3000)).isEmpty();
    }

    @Test
    void theLiveConsolesLearnOfABlockAndAnUnblock() {
        String cursor = store.sessionFeedCursor();
        blockUser("maria.lopez", null, "admin", 2000, null);
        assertThat(store.sessionChanges(cursor).orElseThrow().blockChanges())
                .extracting(c -> c.username(), c -> c.blocked(), c -> c.by(), c -> c.reason())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("maria.lopez", true, "admin", "why"));
        String afterBlock = store.sessionFeedCursor();
        logouts.unblock("maria.lopez", "admin", 3000);
        assertThat(store.sessionChanges(afterBlock).orElseThrow().blockChanges())
                .extracting(c -> c.username(), c -> c.blocked(), c -> c.by())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("maria.lopez", false, "admin"));
    }

    @Test
    void aBlockAgainKeepsTheBlockAndRecordsOnlyANewEnd() {
        blockUser("maria.lopez", 90_000L, "admin", 2000, null);
        blockUser("maria.lopez", 90_000L, "admin", 3000, null);
        assertThat(events("maria.lopez")).as("the same end: nothing changed").hasSize(1);
        User longer = blockUser("maria.lopez", 120_000L, "admin", 4000, null).orElseThrow();
        assertThat(longer.blockedUntil().toEpochMilli()).isEqualTo(120_000L);
        assertThat(longer.blockedAt().toEpochMilli()).as("the block's start stays").isEqualTo(2000L);
        assertThat(events("maria.lopez")).extracting(AuditEvent::action).containsExactly("block", "block");
    }

    @Test
    void aLogOutSaysWhetherTheAccountIsBlocked() {
        String a = login(mariaId, "s1", "d1", 1000);
        assertThat(logoutSession(a, false, false, null, "admin", 2000, null).orElseThrow().blocked()).isFalse();
        blockUser("maria.lopez", null, "admin", 3000, null);
        assertThat(logoutSession(a, false, false, null, "admin", 4000, null).orElseThrow().blocked()).isTrue();
        assertThat(logoutUser("maria.lopez", "admin", 4000, null).orElseThrow().blocked()).isTrue();
    }

    @Test
    void aBlockFinishesDueEndingsFirst() {
        String a = login(mariaId, "s1", "d1", 1000);
        logoutSession(a, false, false, null, "admin", 2000, 5000L);
        blockUser("maria.lopez", null, "admin", 6000, null);
        assertThat(store.sessionSignal(a).orElseThrow().endedAt()).as("ended at its deadline").isEqualTo(5000L);
        assertThat(events("maria.lopez").get(0).sessionIds()).as("nothing left for the block to end").isEmpty();
    }

    private String loginMaria(String token, String app, String device, long at) {
        return store.startSession(mariaId, new Device(app, "1.0", device, "Pixel 7", "Android 14", "Spanish"),
                token, at).orElseThrow();
    }
}

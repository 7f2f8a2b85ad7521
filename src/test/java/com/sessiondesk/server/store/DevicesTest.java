package com.sessiondesk.server.store;

import static com.sessiondesk.server.store.StoreFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.DeviceBlock;
import com.sessiondesk.api.DeviceBlockChange;
import com.sessiondesk.api.Delivery;
import com.sessiondesk.server.store.Devices.AddressSeen;
import com.sessiondesk.server.store.Devices.BlockState;
import com.sessiondesk.server.store.Devices.LoginStep;
import com.sessiondesk.server.store.Devices.Seen;
import com.sessiondesk.server.store.Records.Device;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device blocks (in force, lapsed, replaced, lifted), the devices and addresses a user was seen on, the device steps. */
class DevicesTest {

    private static final long MEMORY = 1_000;

    @TempDir
    Path dir;
    private StoreFixture f;
    private long maria;

    @BeforeEach
    void open() {
        f = new StoreFixture(dir);
        maria = f.user("maria");
    }

    @AfterEach
    void close() {
        f.close();
    }

    @FunctionalInterface
    private interface DeviceWork<T> {
        T run(DeviceQueries queries) throws java.sql.SQLException;
    }

    private <T> T devices(DeviceWork<T> work) {
        return f.db.write(c -> work.run(new DeviceQueries(c)));
    }

    private Optional<BlockState> blockOf(String deviceId, long now) {
        return devices(q -> q.blockOf(deviceId, now));
    }

    private Optional<DeviceBlock> blocked(String deviceId, long now) {
        return devices(q -> q.blocked(deviceId, now));
    }

    private List<DeviceBlock> allBlocked(long now) {
        return devices(q -> q.allBlocked(now));
    }

    private boolean unblock(String deviceId, long now) {
        return devices(q -> q.unblock(deviceId, "admin", now));
    }

    private void block(String deviceId, String reason, Long until, long now) {
        devices(q -> {
            q.block(deviceId, "admin", reason, until, now);
            return null;
        });
    }

    private static Device phone(String deviceId, String address) {
        return new Device("Caregiver", "1.0", deviceId, "Pixel 7", "Android 14", "Spanish", address);
    }

    private LoginStep loginStep(long userId, String username, Device device, long now) {
        return f.db.write(c -> Devices.loginStep(c, userId, username, device, now, MEMORY));
    }

    private Seen seen(long userId, String username, Device device, long now) {
        LoginStep step = loginStep(userId, username, device, now);
        assertThat(step.block()).isNull();
        return step.seen();
    }

    private Optional<BlockState> lock(String deviceId, long now) {
        return f.db.write(c -> Devices.lock(c, deviceId, now));
    }

    private String lastUsername(String deviceId) {
        return f.db.read(c -> Devices.lastUsername(c, deviceId));
    }

    private List<String> activeSessionIds(String deviceId) {
        return devices(q -> q.activeSessionIds(deviceId));
    }

    private List<String> end(List<String> ids, String actor, String reason, long now) {
        return devices(q -> q.end(ids, actor, reason, now));
    }

    private Long number(String sql, Object... args) {
        return StoreSql.number(f.db, sql, args);
    }

    private List<DeviceBlockChange> feedAfter(String cursor) {
        return f.store.sessionChanges(cursor).orElseThrow().deviceBlockChanges();
    }

    // --- blocks ---

    @Test
    void aBlockIsInForceUntilItsEnd() {
        assertThat(blockOf("unknown", NOW)).isEmpty();
        block("forever", "Lost", null, NOW - 10);
        block("timed", "Stolen", NOW + 1, NOW - 10);
        block("lapsed", "Found", NOW, NOW - 10);

        assertThat(blockOf("forever", NOW)).contains(new BlockState("Lost", null));
        assertThat(blockOf("timed", NOW)).contains(new BlockState("Stolen", NOW + 1));
        assertThat(blockOf("timed", NOW + 1)).isEmpty();
        assertThat(blockOf("lapsed", NOW)).isEmpty();
        assertThat(blockOf("lapsed", NOW - 1)).contains(new BlockState("Found", NOW));
    }

    @Test
    void aBlockIsShownWithTheDeviceItsLastUserAndWhoBlockedIt() {
        seen(maria, "maria", phone("d-1", null), 100);

        block("d-1", "Lost phone", NOW + 60_000, NOW - 10);

        DeviceBlock expected = new DeviceBlock("d-1", "Pixel 7", "Android 14", "maria", "admin", "Lost phone",
                Instant.ofEpochMilli(NOW - 10), Instant.ofEpochMilli(NOW + 60_000));
        assertThat(blocked("d-1", NOW)).contains(expected);
        assertThat(blocked("d-1", NOW + 60_000)).isEmpty();
        assertThat(blocked("d-2", NOW)).isEmpty();
        assertThat(allBlocked(NOW)).containsExactly(expected);
    }

    @Test
    void aNewBlockReplacesTheOneInForce() {
        block("d-1", "Lost", null, 100);

        block("d-1", "Stolen", NOW + 5, 200);

        assertThat(blockOf("d-1", NOW)).contains(new BlockState("Stolen", NOW + 5));
        assertThat(blocked("d-1", NOW).orElseThrow().blockedAt()).isEqualTo(Instant.ofEpochMilli(200));
        assertThat(number("SELECT COUNT(*) FROM devices")).isEqualTo(1);
    }

    @Test
    void allBlockedListsTheBlocksInForceNewestFirst() {
        block("b", "r", null, 200);
        block("a", "r", null, 200);
        block("old", "r", null, 100);
        block("new", "r", NOW + 1, 300);
        block("lapsed", "r", NOW, 400);
        block("lifted", "r", null, 500);
        unblock("lifted", 600);
        seen(maria, "maria", phone("seen-only", null), 100);

        assertThat(allBlocked(NOW)).extracting(DeviceBlock::deviceId).containsExactly("new", "a", "b", "old");
        assertThat(allBlocked(NOW + 1)).extracting(DeviceBlock::deviceId).containsExactly("a", "b", "old");
    }

    @Test
    void anUnblockLiftsTheBlockInForceAndSaysWhetherThereWasOne() {
        block("d-1", "Lost", null, 100);
        block("lapsed", "Lost", NOW, 100);

        assertThat(unblock("d-1", NOW)).isTrue();
        assertThat(unblock("d-1", NOW)).isFalse();
        assertThat(unblock("lapsed", NOW)).isFalse();
        assertThat(unblock("unknown", NOW)).isFalse();

        assertThat(blockOf("d-1", NOW)).isEmpty();
        // a lapsed block is cleared too: no trace of it is left
        assertThat(number("SELECT COUNT(*) FROM devices WHERE blocked <> 0 OR blocked_at IS NOT NULL "
                + "OR blocked_by IS NOT NULL OR block_reason IS NOT NULL OR blocked_until IS NOT NULL")).isZero();
        assertThat(blockOf("lapsed", NOW - 1)).isEmpty();
    }

    @Test
    void blocksAndUnblocksReachTheFeedButAnUnblockOfNothingDoesNot() {
        String cursor = f.store.sessionFeedCursor();

        block("d-1", "Lost", NOW + 10, NOW);
        assertThat(feedAfter(cursor)).containsExactly(
                new DeviceBlockChange("d-1", true, Instant.ofEpochMilli(NOW + 10), "admin", "Lost"));

        String blockedAt = f.store.sessionFeedCursor();
        assertThat(unblock("d-1", NOW)).isTrue();
        assertThat(feedAfter(blockedAt)).containsExactly(new DeviceBlockChange("d-1", false, null, "admin", null));

        String unblockedAt = f.store.sessionFeedCursor();
        assertThat(unblock("d-1", NOW)).isFalse();
        assertThat(f.store.sessionFeedCursor()).isEqualTo(unblockedAt);
    }

    @Test
    void lockCreatesTheDeviceRowOnce() {
        assertThat(lock("d-1", NOW)).isEmpty();
        assertThat(lock("d-1", NOW)).isEmpty();
        assertThat(number("SELECT COUNT(*) FROM devices WHERE device_id = 'd-1'")).isEqualTo(1);
        block("d-1", "Lost", NOW + 1, 0);
        assertThat(lock("d-1", NOW)).contains(new BlockState("Lost", NOW + 1));
        assertThat(lock("d-1", NOW + 1)).isEmpty();
    }

    // --- what a login records ---

    @Test
    void aLoginRecordsTheDeviceAndTellsWhatIsNewToTheUser() {
        assertThat(seen(maria, "maria", phone("d-1", "10.0.0.1"), 100)).isEqualTo(new Seen(true, true));
        assertThat(seen(maria, "maria", phone("d-1", "10.0.0.1"), 200)).isEqualTo(new Seen(false, false));
        assertThat(seen(maria, "maria", phone("d-1", "10.0.0.2"), 300)).isEqualTo(new Seen(false, true));
        assertThat(seen(maria, "maria", phone("d-2", "10.0.0.2"), 400)).isEqualTo(new Seen(true, false));

        long ana = f.user("ana");
        assertThat(seen(ana, "ana", new Device("EVV", "2.0", "d-1", "Moto G", "Android 13", "English", "10.0.0.1"),
                500)).isEqualTo(new Seen(true, true));

        assertThat(StoreSql.text(f.db, "SELECT device_model || '/' || device_os || '/' || last_username "
                + "FROM devices WHERE device_id = 'd-1'")).isEqualTo("Moto G/Android 13/ana");
        assertThat(number("SELECT last_login_at FROM devices WHERE device_id = 'd-1'")).isEqualTo(500);
        assertThat(lastUsername("d-1")).isEqualTo("ana");
        assertThat(lastUsername("d-2")).isEqualTo("maria");
        assertThat(lastUsername("unknown")).isNull();
    }

    @Test
    void seenRowsKeepTheFirstTimeAndMoveTheLastOne() {
        seen(maria, "maria", phone("d-1", "10.0.0.1"), 100);
        seen(maria, "maria", phone("d-1", "10.0.0.1"), 300);

        assertThat(number("SELECT first_seen_at FROM user_devices WHERE user_id = ? AND device_id = 'd-1'", maria))
                .isEqualTo(100);
        assertThat(number("SELECT last_seen_at FROM user_devices WHERE user_id = ? AND device_id = 'd-1'", maria))
                .isEqualTo(300);
        assertThat(number("SELECT first_seen_at FROM user_addresses WHERE user_id = ? AND address = '10.0.0.1'",
                maria)).isEqualTo(100);
        assertThat(number("SELECT last_seen_at FROM user_addresses WHERE user_id = ? AND address = '10.0.0.1'",
                maria)).isEqualTo(300);
    }

    @Test
    void anAddressUnseenForLongerThanTheMemoryIsNewAgain() {
        seen(maria, "maria", phone("d-1", "10.0.0.1"), 100);
        // last seen exactly the memory ago: still known
        assertThat(seen(maria, "maria", phone("d-1", "10.0.0.1"), 100 + MEMORY).newAddress()).isFalse();
        // last seen (at 100 + MEMORY) one millisecond longer ago than the memory: new again
        assertThat(seen(maria, "maria", phone("d-1", "10.0.0.1"), 101 + 2 * MEMORY).newAddress()).isTrue();
        assertThat(seen(maria, "maria", phone("d-1", "10.0.0.1"), 101 + 2 * MEMORY).newAddress()).isFalse();
    }

    @Test
    void aLoginWithoutAddressRecordsNoAddress() {
        assertThat(seen(maria, "maria", phone("d-1", null), 100)).isEqualTo(new Seen(true, false));

        assertThat(number("SELECT COUNT(*) FROM user_addresses")).isZero();
        assertThat(number("SELECT COUNT(*) FROM user_devices WHERE user_id = ?", maria)).isEqualTo(1);
    }

    @Test
    void aLoginOnABlockedDeviceGetsTheBlockAndRecordsNothing() {
        seen(maria, "maria", phone("d-1", "10.0.0.1"), 100);
        block("d-1", "Lost", null, 200);
        long ana = f.user("ana");

        LoginStep step = loginStep(ana, "ana", phone("d-1", "10.0.0.9"), 300);

        assertThat(step.block()).isEqualTo(new BlockState("Lost", null));
        assertThat(step.seen()).isNull();
        assertThat(lastUsername("d-1")).isEqualTo("maria");
        assertThat(number("SELECT last_login_at FROM devices WHERE device_id = 'd-1'")).isEqualTo(100);
        assertThat(number("SELECT COUNT(*) FROM user_devices WHERE user_id = ?", ana)).isZero();
        assertThat(number("SELECT COUNT(*) FROM user_addresses WHERE user_id = ?", ana)).isZero();
    }

    @Test
    void heartbeatAddressesAreRecordedOncePerPairAndNeverMovedBack() {
        long ana = f.user("ana");
        seen(maria, "maria", phone("d-1", "10.0.0.1"), 500);
        seen(maria, "maria", phone("d-1", "10.0.0.3"), 500);

        List<AddressSeen> written = seenAt(List.of(
                new AddressSeen(maria, "10.0.0.2", 300, 300),
                new AddressSeen(maria, "10.0.0.1", 600, 600),
                new AddressSeen(ana, "10.0.0.1", 200, 250),
                new AddressSeen(maria, "10.0.0.2", 100, 400),
                new AddressSeen(maria, "10.0.0.3", 400, 400)));

        assertThat(written).containsExactly(new AddressSeen(maria, "10.0.0.1", 600, 600),
                new AddressSeen(maria, "10.0.0.2", 100, 400), new AddressSeen(maria, "10.0.0.3", 400, 400),
                new AddressSeen(ana, "10.0.0.1", 200, 250));
        assertThat(addressSeen(maria, "10.0.0.1")).isEqualTo("500-600"); // moved forward, first kept
        assertThat(addressSeen(maria, "10.0.0.2")).isEqualTo("100-400"); // listed twice: earliest and latest
        assertThat(addressSeen(maria, "10.0.0.3")).isEqualTo("500-500"); // never moved back
        assertThat(addressSeen(ana, "10.0.0.1")).isEqualTo("200-250");
        assertThat(seenAt(List.of())).isEmpty();
    }

    @Test
    void manyHeartbeatAddressesAreWrittenInSeveralStatements() {
        List<AddressSeen> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            seen.add(new AddressSeen(maria, String.format("10.1.%03d.1", i), 100 + i, 100 + i));
        }

        assertThat(seenAt(seen)).hasSize(600);

        assertThat(number("SELECT COUNT(*) FROM user_addresses WHERE user_id = ?", maria)).isEqualTo(600);
        assertThat(addressSeen(maria, "10.1.599.1")).isEqualTo("699-699");
    }

    private List<AddressSeen> seenAt(List<AddressSeen> seen) {
        return f.db.write(c -> Devices.seenAt(c, seen));
    }

    private String addressSeen(long userId, String address) {
        return StoreSql.text(f.db, "SELECT first_seen_at || '-' || last_seen_at FROM user_addresses "
                + "WHERE user_id = ? AND address = ?", userId, address);
    }

    // --- the sessions of a device and the audit of an action ---

    @Test
    void activeSessionIdsAreTheActiveSessionsOfTheDeviceOfEveryUser() {
        long ana = f.user("ana");
        String first = f.store.startSession(maria, phone("shared", null), "t1", 100).orElseThrow();
        String ended = f.store.startSession(ana, new Device("EVV", "1", "shared", "m", "o", "l"), "t2", 100)
                .orElseThrow();
        String second = f.store.startSession(ana, phone("shared", null), "t3", 100).orElseThrow();
        f.login(maria, "other", 100);
        f.store.expireSession(ended, 200);

        List<String> ids = activeSessionIds("shared");

        assertThat(ids).containsExactlyElementsOf(List.of(first, second).stream().sorted().toList());
        assertThat(activeSessionIds("unknown")).isEmpty();
    }

    @Test
    void endEndsTheStillActiveSessionsWithTheAdminsReason() {
        String active = f.login(maria, "t1", 100);
        String ended = f.login(maria, "t2", 100);
        f.store.expireSession(ended, 200);

        List<String> done = end(List.of(active, ended), "admin", "Lost phone", 300);

        assertThat(done).containsExactly(active);
        assertThat(StoreSql.text(f.db, "SELECT ended_by FROM sessions WHERE id = ?", active)).isEqualTo("admin");
        assertThat(StoreSql.text(f.db, "SELECT end_reason FROM sessions WHERE id = ?", active))
                .isEqualTo("Lost phone");
    }

    @Test
    void theAuditOfADeviceActionNamesTheDeviceItsLastUserAndItsSessions() {
        String one = f.login(maria, "t1", 100);
        String two = f.store.startSession(maria, phone("device-t1", null), "t2", 100).orElseThrow();

        devices(q -> {
            q.audit(AuditAction.DEVICE_BLOCKED, "admin", "device-t1", List.of(two, one), "Lost", NOW + 5, NOW);
            q.audit(AuditAction.DEVICE_UNBLOCKED, "admin", "never-seen", List.of(), null, null, NOW);
            return null;
        });

        List<AuditEvent> events = f.store.audit(null, 10);
        assertThat(events).hasSize(2);
        AuditEvent unblock = events.get(0);
        assertThat(unblock.action()).isEqualTo("device_unblocked");
        assertThat(unblock.username()).isEmpty();
        assertThat(unblock.deviceId()).isEqualTo("never-seen");
        assertThat(unblock.deliveries()).isNull();
        AuditEvent block = events.get(1);
        assertThat(block.action()).isEqualTo("device_blocked");
        assertThat(block.actor()).isEqualTo("admin");
        assertThat(block.username()).isEqualTo("maria");
        assertThat(block.deviceId()).isEqualTo("device-t1");
        assertThat(block.reason()).isEqualTo("Lost");
        assertThat(block.until()).isEqualTo(Instant.ofEpochMilli(NOW + 5));
        assertThat(block.sessionIds()).containsExactly(two, one);
        assertThat(block.deliveries()).extracting(Delivery::sessionId).containsExactly(two, one);
        assertThat(block.deliveries()).extracting(Delivery::deliveredAt).containsOnlyNulls();
    }
}

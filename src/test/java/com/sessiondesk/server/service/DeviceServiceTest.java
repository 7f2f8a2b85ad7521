package com.sessiondesk.server.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.DeviceBlock;
import com.sessiondesk.api.DeviceBlockResult;
import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.Devices.BlockState;
import com.sessiondesk.server.store.JdbcStore;
import com.sessiondesk.server.store.Migrations;
import com.sessiondesk.server.store.Records.Device;
import com.sessiondesk.server.store.Records.LoginStart;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Device blocks and the logins they refuse, over a real SQLite store. */
class DeviceServiceTest {

    private static final long T0 = 10_000_000L;

    @TempDir
    Path dir;
    private Database db;
    private JdbcStore store;
    private DeviceService devices;
    private long maria;
    private long li;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("d.db"));
        new Migrations(db).run();
        store = new JdbcStore(db);
        devices = new DeviceService(store);
        store.createUser("maria.lopez", "María López", "x", false, 1);
        store.createUser("li.wei", "Li Wei", "x", false, 1);
        maria = store.credentials("maria.lopez").orElseThrow().userId();
        li = store.credentials("li.wei").orElseThrow().userId();
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private static Device on(String deviceId, String address) {
        return new Device("EVV", "1.0", deviceId, "Pixel 7", "Android 14", "es", address);
    }

    @Test
    void aSessionTellsWhetherItsDeviceAndAddressAreNewToTheUser() {
        LoginStart first = devices.startSession(maria, on("phone", "10.0.0.1"), "t1", T0);
        LoginStart again = devices.startSession(maria, on("phone", "10.0.0.1"), "t2", T0 + 1);
        LoginStart otherUser = devices.startSession(li, on("phone", "10.0.0.1"), "t3", T0 + 2);

        assertThat(first.sessionId()).isNotNull();
        assertThat(first.newDevice()).isTrue();
        assertThat(first.newAddress()).isTrue();
        assertThat(again.sessionId()).isNotNull().isNotEqualTo(first.sessionId());
        assertThat(again.newDevice()).isFalse();
        assertThat(again.newAddress()).isFalse();
        assertThat(otherUser.newDevice()).isTrue();
        assertThat(store.activeSession(first.sessionId())).isPresent();
        assertThat(first.accountBlocked()).isFalse();
        assertThat(first.deviceBlock()).isNull();
    }

    @Test
    void aLoginBeyondMaxSessionsEndsTheOldest() {
        String oldest = devices.startSession(maria, on("phone", null), "t1", T0, 2).sessionId();
        String second = devices.startSession(maria, on("tablet", null), "t2", T0 + 1, 2).sessionId();
        String third = devices.startSession(maria, on("laptop", null), "t3", T0 + 2, 2).sessionId();

        assertThat(third).isNotNull();
        assertThat(store.activeSessionRows("maria.lopez", null)).extracting(r -> r.id())
                .containsExactlyInAnyOrder(second, third).doesNotContain(oldest);
    }

    @Test
    void blockEndsEverySessionOnTheDeviceOfEveryUserAndAuditsIt() {
        String mariaPhone = devices.startSession(maria, on("phone", null), "t1", T0).sessionId();
        String liPhone = devices.startSession(li, on("phone", null), "t2", T0 + 1).sessionId();
        String mariaTablet = devices.startSession(maria, on("tablet", null), "t3", T0 + 2).sessionId();

        DeviceBlockResult result = devices.block("phone", "admin", "stolen", T0 + 1_000_000, T0 + 10);

        assertThat(result.endedSessionIds()).containsExactlyInAnyOrder(mariaPhone, liPhone);
        DeviceBlock device = result.device();
        assertThat(device.deviceId()).isEqualTo("phone");
        assertThat(device.blockedBy()).isEqualTo("admin");
        assertThat(device.reason()).isEqualTo("stolen");
        assertThat(device.blockedAt()).isEqualTo(Instant.ofEpochMilli(T0 + 10));
        assertThat(device.blockedUntil()).isEqualTo(Instant.ofEpochMilli(T0 + 1_000_000));
        assertThat(device.lastUsername()).isEqualTo("li.wei");
        assertThat(store.activeSessionRows(null, null)).extracting(r -> r.id()).containsExactly(mariaTablet);

        List<AuditEvent> audit = store.audit("li.wei", 10);
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.DEVICE_BLOCKED.wireName());
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.deviceId()).isEqualTo("phone");
            assertThat(e.reason()).isEqualTo("stolen");
            assertThat(e.sessionIds()).containsExactlyInAnyOrder(mariaPhone, liPhone);
        });
    }

    @Test
    void aBlockedDeviceIsRefusedUntilItsBlockEnds() {
        devices.block("phone", "admin", "lost", T0 + 100, T0);

        assertThat(devices.blockOf("phone", T0 + 50)).contains(new BlockState("lost", T0 + 100));
        assertThat(devices.blockOf("tablet", T0 + 50)).isEmpty();
        LoginStart refused = devices.startSession(maria, on("phone", null), "t1", T0 + 50);
        assertThat(refused.sessionId()).isNull();
        assertThat(refused.deviceBlock()).isEqualTo(new BlockState("lost", T0 + 100));
        assertThat(devices.blocked(T0 + 50)).extracting(DeviceBlock::deviceId).containsExactly("phone");

        assertThat(devices.blockOf("phone", T0 + 100)).isEmpty();
        assertThat(devices.blocked(T0 + 100)).isEmpty();
        assertThat(devices.startSession(maria, on("phone", null), "t2", T0 + 100).sessionId()).isNotNull();
    }

    @Test
    void blockedListsTheDevicesNewestBlockFirst() {
        devices.block("phone", "admin", "lost", null, T0);
        devices.block("tablet", "admin", "stolen", null, T0 + 1);

        assertThat(devices.blocked(T0 + 2)).extracting(DeviceBlock::deviceId).containsExactly("tablet", "phone");
    }

    @Test
    void unblockLiftsTheBlockOnceAndAuditsOnlyWhenItDid() {
        devices.startSession(maria, on("phone", null), "t1", T0);
        devices.block("phone", "admin", "lost", null, T0 + 1);

        assertThat(devices.unblock("phone", "boss", T0 + 2)).isTrue();
        assertThat(devices.blockOf("phone", T0 + 3)).isEmpty();
        assertThat(devices.unblock("phone", "boss", T0 + 4)).isFalse();
        assertThat(devices.unblock("never-blocked", "boss", T0 + 5)).isFalse();

        List<AuditEvent> audit = store.audit("maria.lopez", 10);
        assertThat(audit).extracting(AuditEvent::action).containsExactly(AuditAction.DEVICE_UNBLOCKED.wireName(),
                AuditAction.DEVICE_BLOCKED.wireName());
        assertThat(audit.get(0).actor()).isEqualTo("boss");
        assertThat(audit.get(0).deviceId()).isEqualTo("phone");
    }
}

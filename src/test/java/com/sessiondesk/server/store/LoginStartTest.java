package com.sessiondesk.server.store;

import static com.sessiondesk.server.store.StoreFixture.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.server.store.Devices.BlockState;
import com.sessiondesk.server.store.Records.Device;
import com.sessiondesk.server.store.Records.LoginStart;
import com.sessiondesk.server.store.Records.MobileSession;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A login's transaction: the blocks re-checked, what is new to the user, the oldest sessions ended past the limit. */
class LoginStartTest {

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

    private static Device device(String deviceId, String application, String address) {
        return new Device(application, "1.0", deviceId, "Pixel 7", "Android 14", "Spanish", address);
    }

    private LoginStart login(String deviceId, String address, long at, int maxSessions) {
        return f.store.startLogin(maria, device(deviceId, "Caregiver", address), "token-" + at, at, MEMORY,
                maxSessions);
    }

    private String endedBy(String sessionId) {
        return StoreSql.text(f.db, "SELECT ended_by || '/' || end_reason FROM sessions WHERE id = ?", sessionId);
    }

    @Test
    void aLoginBeyondTheLimitEndsTheOldestSessions() {
        String first = login("d-1", null, 100, 2).sessionId();
        String second = login("d-2", null, 200, 2).sessionId();
        assertThat(endedBy(first)).isNull(); // two sessions: at the limit, none ended

        String third = login("d-3", null, 300, 2).sessionId();

        assertThat(endedBy(first)).isEqualTo("maria/" + MobileSession.SIGNED_IN_ELSEWHERE);
        assertThat(endedBy(second)).isNull();
        assertThat(endedBy(third)).isNull();

        login("d-4", null, 400, 1);
        assertThat(endedBy(second)).isEqualTo("maria/" + MobileSession.SIGNED_IN_ELSEWHERE);
        assertThat(endedBy(third)).isEqualTo("maria/" + MobileSession.SIGNED_IN_ELSEWHERE);
        assertThat(f.store.activeSessionRows("maria", null)).hasSize(1);
    }

    @Test
    void aLoginTellsWhatIsNewAndTheListShowsIt() {
        LoginStart first = login("d-1", "10.0.0.1", 100, Integer.MAX_VALUE);
        LoginStart again = login("d-1", "10.0.0.1", 200, Integer.MAX_VALUE);

        assertThat(first).isEqualTo(new LoginStart(first.sessionId(), true, true, false, null));
        assertThat(again).isEqualTo(new LoginStart(again.sessionId(), false, false, false, null));
        assertThat(f.store.activeSessionRows(null, null))
                .extracting(ActiveSessionRow::id, ActiveSessionRow::newDevice, ActiveSessionRow::newAddress)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(first.sessionId(), true, true),
                        org.assertj.core.groups.Tuple.tuple(again.sessionId(), false, false));
    }

    @Test
    void aBlockedAccountOrDeviceStartsNoSession() {
        f.db.write(c -> {
            new DeviceQueries(c).block("stolen", "admin", "Stolen", null, 50);
            return null;
        });

        assertThat(login("stolen", null, 100, 5)).isEqualTo(new LoginStart(null, false, false, false,
                new BlockState("Stolen", null)));

        f.admin(q -> q.applyBlock(q.lockAccount("maria", NOW).orElseThrow(), "admin", "Left", null, 60));
        assertThat(login("d-1", null, 200, 5)).isEqualTo(new LoginStart(null, false, false, true, null));
        assertThat(f.store.startSession(maria, device("d-1", "Caregiver", null), "t", 300)).isEmpty();
        assertThat(StoreSql.number(f.db, "SELECT COUNT(*) FROM sessions")).isZero();
    }

    @Test
    void theListShowsTheSyncDeadlineAndFiltersByApplicationAndUser() {
        String caregiver = login("d-1", null, 100, 5).sessionId();
        String evv = f.store.startLogin(maria, device("d-2", "EVV", null), "t-evv", 200, MEMORY, 5).sessionId();
        StoreSql.update(f.db, "UPDATE sessions SET end_after = 5000 WHERE id = ?", evv);

        assertThat(f.store.activeSessionRows(null, "EVV")).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(evv);
            assertThat(row.syncDeadline()).isEqualTo(5000L);
            assertThat(row.application()).isEqualTo("EVV");
            assertThat(row.username()).isEqualTo("maria");
        });
        assertThat(f.store.activeSessionRows("maria", "Caregiver")).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo(caregiver);
            assertThat(row.syncDeadline()).isNull();
        });
        assertThat(f.store.activeSessionRows("nobody", null)).isEmpty();
        assertThat(f.store.activeSession(evv).orElseThrow().syncDeadline()).isNotNull();
        assertThat(f.store.activeSession(caregiver).orElseThrow().syncDeadline()).isNull();
    }
}

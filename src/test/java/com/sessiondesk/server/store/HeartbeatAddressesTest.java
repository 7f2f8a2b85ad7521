package com.sessiondesk.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.server.store.Devices.AddressSeen;
import com.sessiondesk.server.store.Records.Device;
import com.sessiondesk.server.store.Records.Heartbeat;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heartbeats that move sessions record their users as seen at the new addresses
 * ({@code user_addresses}): one statement per flush for all its moves, a pair once with its earliest
 * and latest time, last seen never moved back, and a move to a pair this instance recorded within
 * the refresh step written no more (another instance, which did not record it, writes it). On
 * SQLite and on PostgreSQL (where one statement may not touch a row twice).
 */
class HeartbeatAddressesTest {

    private static final long T = 1_800_000_000_000L;
    private static final String HOME = "198.51.100.10";
    private static final String MOBILE = "203.0.113.77";

    @Test
    void sqlite(@TempDir Path dir) throws Exception {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("store.db"))) {
            scenario(db);
        }
    }

    @Test
    void postgresql() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.start();
                Database db = Database.open(pg.getJdbcUrl("postgres", "postgres"))) {
            scenario(db);
        }
    }

    @Test
    void aFlushThatFailsIsWrittenWholeByItsRetry(@TempDir Path dir) throws Exception {
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("store.db"))) {
            new Migrations(db).run();
            JdbcStore store = new JdbcStore(db);
            long ann = user(store, "ann");
            String phone = session(store, ann, "ann-phone", HOME);
            clearSeen(db);
            try (Connection c = db.newConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TRIGGER no_feed BEFORE INSERT ON session_feed BEGIN SELECT RAISE(ABORT, 'down'); END");
            }
            assertThatThrownBy(() -> store.recordHeartbeats(Map.of(phone, new Heartbeat(T + 10, null, MOBILE))))
                    .isInstanceOf(RuntimeException.class);
            assertThat(seen(db, ann)).as("rolled back with the flush").isEmpty();
            try (Connection c = db.newConnection(); Statement st = c.createStatement()) {
                st.execute("DROP TRIGGER no_feed");
            }
            store.recordHeartbeats(Map.of(phone, new Heartbeat(T + 10, null, MOBILE)));
            assertThat(seen(db, ann)).as("a pair is remembered only once its write committed")
                    .containsExactly(row(MOBILE, T + 10, T + 10));
            store.close();
        }
    }

    private static void scenario(Database db) throws Exception {
        new Migrations(db).run();
        JdbcStore store = new JdbcStore(db);
        long ann = user(store, "ann");
        long ben = user(store, "ben");
        String phone = session(store, ann, "ann-phone", HOME);
        String tablet = session(store, ann, "ann-tablet", HOME);
        String bens = session(store, ben, "ben-phone", HOME);
        clearSeen(db); // the logins' own rows: what follows is the heartbeats' doing

        store.recordHeartbeats(Map.of(phone, new Heartbeat(T + 1_000, 1, HOME)));
        assertThat(seen(db, ann)).as("a heartbeat from the session's address records nothing").isEmpty();

        // Two of Ann's sessions move to her mobile address in one flush, Ben's too: one row each
        store.recordHeartbeats(Map.of(phone, new Heartbeat(T + 2_000, 1, MOBILE),
                tablet, new Heartbeat(T + 3_000, 1, MOBILE), bens, new Heartbeat(T + 2_500, 1, MOBILE)));
        assertThat(seen(db, ann)).containsExactly(row(MOBILE, T + 2_000, T + 3_000));
        assertThat(seen(db, ben)).containsExactly(row(MOBILE, T + 2_500, T + 2_500));

        // Back home and to the mobile address again within the refresh step: home is new, mobile is not written again
        store.recordHeartbeats(Map.of(phone, new Heartbeat(T + 4_000, 1, HOME)));
        store.recordHeartbeats(Map.of(phone, new Heartbeat(T + 5_000, 1, MOBILE)));
        assertThat(seen(db, ann)).containsExactly(row(HOME, T + 4_000, T + 4_000), row(MOBILE, T + 2_000, T + 3_000));

        // Another instance on the database has not recorded the pair: it writes it
        JdbcStore other = new JdbcStore(db);
        other.recordHeartbeats(Map.of(tablet, new Heartbeat(T + 6_000, 1, HOME)));
        other.recordHeartbeats(Map.of(tablet, new Heartbeat(T + 7_000, 1, MOBILE)));
        assertThat(seen(db, ann)).containsExactly(row(HOME, T + 4_000, T + 6_000), row(MOBILE, T + 2_000, T + 7_000));

        // Past the refresh step the pair is written again
        long later = T + 7_000 + Devices.ADDRESS_REFRESH_MILLIS;
        store.recordHeartbeats(Map.of(phone, new Heartbeat(later, 1, HOME)));
        assertThat(seen(db, ann)).containsExactly(row(HOME, T + 4_000, later), row(MOBILE, T + 2_000, T + 7_000));

        // The statement itself: more pairs than one statement holds, a pair twice, a time older than the row's
        List<AddressSeen> pairs = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            pairs.add(new AddressSeen(ben, "10.0." + (i / 250) + "." + (i % 250), T + i, T + i));
        }
        pairs.add(new AddressSeen(ben, "10.0.0.7", T + 9_000, T + 9_000));
        pairs.add(new AddressSeen(ann, HOME, T, T)); // older than what is recorded: nothing moves back
        List<AddressSeen> written = db.write(c -> Devices.seenAt(c, pairs));
        assertThat(written).hasSize(601);
        assertThat(written.get(0)).as("in (user, address) order").isEqualTo(new AddressSeen(ann, HOME, T, T));
        Map<String, long[]> bensRows = new HashMap<>();
        seen(db, ben).forEach(r -> bensRows.put((String) r.get(0), new long[] {(Long) r.get(1), (Long) r.get(2)}));
        assertThat(bensRows).hasSize(601);
        assertThat(bensRows.get("10.0.0.7")).containsExactly(T + 7, T + 9_000);
        assertThat(bensRows.get("10.0.2.99")).containsExactly(T + 599, T + 599);
        assertThat(seen(db, ann)).containsExactly(row(HOME, T + 4_000, later), row(MOBILE, T + 2_000, T + 7_000));
        other.close();
        store.close();
    }

    private static long user(JdbcStore store, String username) {
        store.createUser(username, "Name of " + username, "x", false, T);
        return store.credentials(username).orElseThrow().userId();
    }

    private static String session(JdbcStore store, long userId, String deviceId, String address) {
        return store.startSession(userId, new Device("Caregiver", "1.0", deviceId, "Pixel 8", "Android 15", "English",
                address), "token-" + deviceId, T).orElseThrow();
    }

    private static void clearSeen(Database db) throws Exception {
        try (Connection c = db.newConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM user_addresses");
        }
    }

    private static List<Object> row(String address, long firstSeen, long lastSeen) {
        return List.of(address, firstSeen, lastSeen);
    }

    /** The user's rows: address, first and last seen, by address. */
    private static List<List<Object>> seen(Database db, long userId) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        try (Connection c = db.newConnection(); PreparedStatement ps = c.prepareStatement("SELECT address, "
                + "first_seen_at, last_seen_at FROM user_addresses WHERE user_id = ? ORDER BY address")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return rows;
    }
}

package com.sessiondesk.server.store;

import com.sessiondesk.api.DeviceBlock;
import com.sessiondesk.server.store.Records.Device;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The {@code devices}, {@code user_devices} and {@code user_addresses} tables: device blocks, and the
 * devices and addresses each user was seen on. Every method runs in its caller's transaction.
 *
 * <p>A login takes the device's row lock ({@link #lockForLogin}) before it inserts its session, and a
 * block takes it before it ends the device's sessions, so the two serialize (PostgreSQL, READ
 * COMMITTED): a login that commits first has its session ended by the block; one that waits sees
 * the block and is refused.
 */
public final class Devices {

    /** A device block in force: its reason (or null) and end (epoch ms, or null for none). */
    public record BlockState(String reason, Long until) {
    }

    /** What a login learns of its device and address: new to the user or not. */
    public record Seen(boolean newDevice, boolean newAddress) {
    }

    /** How long an address is remembered: a login from one unseen for longer is from a new address (90 days). */
    public static final long ADDRESS_MEMORY_MILLIS = 90L * 24 * 60 * 60 * 1000;

    private Devices() {
    }

    /** SQL: 1 when the block of devices row {@code alias} is in force at the time bound to its one ?, else 0. */
    private static String inForceSql(String alias) {
        return "CASE WHEN " + alias + ".blocked <> 0 AND (" + alias + ".blocked_until IS NULL OR " + alias
                + ".blocked_until > ?) THEN 1 ELSE 0 END";
    }

    /** The block of the device in force at {@code now}, if any (a plain read, no lock). */
    static Optional<BlockState> blockOf(Connection c, String deviceId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT block_reason, blocked_until FROM devices d "
                + "WHERE device_id = ? AND " + inForceSql("d") + " = 1")) {
            ps.setString(1, deviceId);
            ps.setLong(2, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new BlockState(rs.getString(1), Rows.nullableLong(rs, 2)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Creates the device's row if needed and locks it until the transaction ends; returns its block
     * in force, if any.
     */
    static Optional<BlockState> lock(Connection c, String deviceId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO devices (device_id) VALUES (?) "
                + "ON CONFLICT (device_id) DO UPDATE SET device_id = excluded.device_id "
                + "RETURNING blocked, blocked_until, block_reason")) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                boolean flag = rs.getInt(1) != 0;
                Long until = Rows.nullableLong(rs, 2);
                return Blocks.inForce(flag, until, now) ? Optional.of(new BlockState(rs.getString(3), until))
                        : Optional.empty();
            }
        }
    }

    /**
     * A login's device step, before its session is inserted: locks the device's row; when the device
     * is not blocked, records it as this user's last (model, system, username) and returns whether
     * the device and the address are new to the user, updating what the user was seen on.
     *
     * @param addressMemoryMillis an address last seen longer ago than this counts as new
     * @return the block in force (nothing recorded), or what is new
     */
    static LoginStep loginStep(Connection c, long userId, String username, Device device, long now,
            long addressMemoryMillis) throws SQLException {
        Optional<BlockState> block = lock(c, device.deviceId(), now);
        if (block.isPresent()) {
            return new LoginStep(block.get(), null);
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET device_model = ?, device_os = ?, "
                + "last_username = ?, last_login_at = ? WHERE device_id = ?")) {
            ps.setString(1, device.deviceModel());
            ps.setString(2, device.deviceOs());
            ps.setString(3, username);
            ps.setLong(4, now);
            ps.setString(5, device.deviceId());
            ps.executeUpdate();
        }
        Long deviceSeen = lastSeen(c, "SELECT last_seen_at FROM user_devices WHERE user_id = ? AND device_id = ?",
                userId, device.deviceId());
        upsertSeen(c, "user_devices", "device_id", userId, device.deviceId(), now);
        boolean newAddress = false;
        if (device.address() != null) {
            Long addressSeen = lastSeen(c, "SELECT last_seen_at FROM user_addresses WHERE user_id = ? AND address = ?",
                    userId, device.address());
            newAddress = addressSeen == null || addressSeen < now - addressMemoryMillis;
            upsertSeen(c, "user_addresses", "address", userId, device.address(), now);
        }
        return new LoginStep(null, new Seen(deviceSeen == null, newAddress));
    }

    /** Either the device's block (the login is refused) or what the login found new. */
    record LoginStep(BlockState block, Seen seen) {
    }

    private static Long lastSeen(Connection c, String sql, long userId, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, userId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static void upsertSeen(Connection c, String table, String column, long userId, String key, long now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (user_id, " + column
                + ", first_seen_at, last_seen_at) VALUES (?, ?, ?, ?) ON CONFLICT (user_id, " + column
                + ") DO UPDATE SET last_seen_at = excluded.last_seen_at")) {
            ps.setLong(1, userId);
            ps.setString(2, key);
            ps.setLong(3, now);
            ps.setLong(4, now);
            ps.executeUpdate();
        }
    }

    /**
     * How finely a heartbeat keeps an address's last seen: a move to an address its user was recorded
     * at less than this ago writes nothing ({@link RecentAddresses}). An hour: the 90-day memory of
     * addresses needs no finer time.
     */
    static final long ADDRESS_REFRESH_MILLIS = 60L * 60 * 1000;

    /** Pairs per statement of {@link #seenAt}. */
    private static final int SEEN_ROWS = 250;

    /** The user seen at the address: first and last time (a heartbeat that moved a session there). */
    record AddressSeen(long userId, String address, long firstSeen, long lastSeen) {
    }

    /**
     * Records users as seen at addresses (heartbeats that moved their sessions): a pair new to its
     * user gets its row, a known one its last seen moved forward (never back). A pair listed twice
     * counts once, with its earliest and latest time. One statement per {@value #SEEN_ROWS} pairs, in
     * (user, address) order, so that two instances' flushes take the row locks in one order
     * (PostgreSQL).
     *
     * @return the pairs written, one each, in that order
     */
    static List<AddressSeen> seenAt(Connection c, List<AddressSeen> seen) throws SQLException {
        Map<AddressSeen, AddressSeen> pairs = new TreeMap<>(
                Comparator.comparingLong(AddressSeen::userId).thenComparing(AddressSeen::address));
        for (AddressSeen s : seen) {
            pairs.merge(s, s, (a, b) -> new AddressSeen(a.userId(), a.address(),
                    Math.min(a.firstSeen(), b.firstSeen()), Math.max(a.lastSeen(), b.lastSeen())));
        }
        List<AddressSeen> rows = new ArrayList<>(pairs.values());
        for (int start = 0; start < rows.size(); start += SEEN_ROWS) {
            List<AddressSeen> chunk = rows.subList(start, Math.min(rows.size(), start + SEEN_ROWS));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_addresses (user_id, address, "
                    + "first_seen_at, last_seen_at) VALUES " + String.join(", ", Collections.nCopies(chunk.size(),
                            "(?, ?, ?, ?)")) + " ON CONFLICT (user_id, address) DO UPDATE SET last_seen_at = "
                    + "excluded.last_seen_at WHERE user_addresses.last_seen_at < excluded.last_seen_at")) {
                int i = 0;
                for (AddressSeen s : chunk) {
                    ps.setLong(++i, s.userId());
                    ps.setString(++i, s.address());
                    ps.setLong(++i, s.firstSeen());
                    ps.setLong(++i, s.lastSeen());
                }
                ps.executeUpdate();
            }
        }
        return rows;
    }

    /** Blocks the device (its row locked first, see the class text); a block in force is replaced. */
    static void block(Connection c, String deviceId, String actor, String reason, Long until, long now)
            throws SQLException {
        lock(c, deviceId, now);
        try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET blocked = 1, blocked_at = ?, "
                + "blocked_by = ?, block_reason = ?, blocked_until = ? WHERE device_id = ?")) {
            ps.setLong(1, now);
            ps.setString(2, actor);
            ps.setString(3, reason);
            Rows.setNullableLong(ps, 4, until);
            ps.setString(5, deviceId);
            ps.executeUpdate();
        }
    }

    /**
     * Lifts the device's block; false when none was in force (a lapsed one is cleared too, but it
     * was no block).
     */
    static boolean unblock(Connection c, String deviceId, long now) throws SQLException {
        Optional<BlockState> block = lock(c, deviceId, now);
        try (PreparedStatement ps = c.prepareStatement("UPDATE devices SET blocked = 0, blocked_at = NULL, "
                + "blocked_by = NULL, block_reason = NULL, blocked_until = NULL WHERE device_id = ?")) {
            ps.setString(1, deviceId);
            ps.executeUpdate();
        }
        return block.isPresent();
    }

    /** The active sessions on the device (of every user), in id order. */
    static List<String> activeSessionIds(Connection c, String deviceId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id FROM sessions WHERE device_id = ? AND ended_at IS NULL ORDER BY id")) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static final String BLOCK_COLUMNS = "SELECT device_id, device_model, device_os, last_username, "
            + "blocked_by, block_reason, blocked_at, blocked_until FROM devices d WHERE ";

    /** The device as the API shows it, when its block is in force. */
    static Optional<DeviceBlock> blocked(Connection c, String deviceId, long now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BLOCK_COLUMNS + "device_id = ? AND " + inForceSql("d") + " = 1")) {
            ps.setString(1, deviceId);
            ps.setLong(2, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(deviceBlock(rs)) : Optional.empty();
            }
        }
    }

    /** The devices whose block is in force, newest block first. */
    static List<DeviceBlock> allBlocked(Connection c, long now) throws SQLException {
        List<DeviceBlock> devices = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(BLOCK_COLUMNS + "blocked <> 0 AND "
                + "(blocked_until IS NULL OR blocked_until > ?) ORDER BY blocked_at DESC, device_id")) {
            ps.setLong(1, now);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    devices.add(deviceBlock(rs));
                }
            }
        }
        return devices;
    }

    /** The last user seen on the device, or null. */
    static String lastUsername(Connection c, String deviceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_username FROM devices WHERE device_id = ?")) {
            ps.setString(1, deviceId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static DeviceBlock deviceBlock(ResultSet rs) throws SQLException {
        return new DeviceBlock(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Rows.instant(rs, 7), Rows.instant(rs, 8));
    }
}

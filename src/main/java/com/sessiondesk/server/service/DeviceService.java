package com.sessiondesk.server.service;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.DeviceBlock;
import com.sessiondesk.api.DeviceBlockResult;
import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.DeviceQueries;
import com.sessiondesk.server.store.Devices;
import com.sessiondesk.server.store.Devices.BlockState;
import com.sessiondesk.server.store.JdbcStore;
import com.sessiondesk.server.store.Records.Device;
import com.sessiondesk.server.store.Records.LoginStart;
import java.util.List;
import java.util.Optional;

/**
 * The rules of device blocks and of the devices a login comes from:
 * <ul>
 * <li>a device block ends every active session on that device id, of every user, with the admin's
 * reason told to the device, and refuses every later login from it (whoever signs in) until it is
 * unblocked or its {@code until} passes; the accounts stay usable on other devices;</li>
 * <li>a login is refused before its password is checked when its device is blocked, and again in
 * its transaction (a block that commits meanwhile wins);</li>
 * <li>a session is from a new device when its user never logged in on that device id before, and
 * from a new address when its user was not seen at that address in the last 90 days;</li>
 * <li>one audit event per block (with the sessions it ended) and per unblock that lifted a block.</li>
 * </ul>
 */
public final class DeviceService {

    private final JdbcStore store;
    private final Database db;

    public DeviceService(JdbcStore store) {
        this.store = store;
        this.db = store.database();
    }

    /** The device's block in force now, if any: a login from it is refused (before its password is checked). */
    public Optional<BlockState> blockOf(String deviceId, long now) {
        return db.read(c -> new DeviceQueries(c).blockOf(deviceId, now));
    }

    /**
     * Starts a mobile session unless the account or the device is blocked, telling whether its device
     * and address are new to the user.
     */
    public LoginStart startSession(long userId, Device device, String tokenHash, long now) {
        return startSession(userId, device, tokenHash, now, Integer.MAX_VALUE);
    }

    /** As above; a login beyond {@code maxSessions} active sessions of its user ends the oldest. */
    public LoginStart startSession(long userId, Device device, String tokenHash, long now, int maxSessions) {
        return store.startLogin(userId, device, tokenHash, now, Devices.ADDRESS_MEMORY_MILLIS, maxSessions);
    }

    /**
     * Blocks a device (again: with the new reason and end) and ends every active session on it, in one
     * transaction that locks the device first.
     *
     * @param until the end of a time-limited block (epoch ms), or null
     */
    public DeviceBlockResult block(String deviceId, String actor, String reason, Long until, long now) {
        return db.write(c -> {
            DeviceQueries sql = new DeviceQueries(c);
            sql.block(deviceId, actor, reason, until, now);
            List<String> ended = sql.end(sql.activeSessionIds(deviceId), actor, reason, now);
            sql.audit(AuditAction.DEVICE_BLOCKED, actor, deviceId, ended, reason, until, now);
            DeviceBlock device = sql.blocked(deviceId, now).orElseThrow();
            return new DeviceBlockResult(device, ended);
        });
    }

    /** Lifts a device's block; false when the device was not blocked (nothing recorded). */
    public boolean unblock(String deviceId, String actor, long now) {
        return db.write(c -> {
            DeviceQueries sql = new DeviceQueries(c);
            if (!sql.unblock(deviceId, actor, now)) {
                return false;
            }
            sql.audit(AuditAction.DEVICE_UNBLOCKED, actor, deviceId, List.of(), null, null, now);
            return true;
        });
    }

    /** The devices whose block is in force, newest block first. */
    public List<DeviceBlock> blocked(long now) {
        return db.read(c -> new DeviceQueries(c).allBlocked(now));
    }
}

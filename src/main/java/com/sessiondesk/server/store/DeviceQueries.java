package com.sessiondesk.server.store;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.DeviceBlock;
import com.sessiondesk.server.store.Devices.BlockState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The SQL steps of the device actions (block, unblock, the list), each run in the caller's
 * transaction ({@link Database#write}); which steps an action takes is the service's business
 * ({@code server/service/DeviceService}).
 */
public final class DeviceQueries {

    private final Connection c;

    public DeviceQueries(Connection c) {
        this.c = c;
    }

    /** The device's block in force at {@code now}, if any (no lock). */
    public Optional<BlockState> blockOf(String deviceId, long now) throws SQLException {
        return Devices.blockOf(c, deviceId, now);
    }

    /** Blocks the device (its row locked until the transaction ends), with its row in the change feed. */
    public void block(String deviceId, String actor, String reason, Long until, long now) throws SQLException {
        Devices.block(c, deviceId, actor, reason, until, now);
        SessionFeed.deviceBlocked(c, deviceId, actor, reason, now);
    }

    /** Lifts the device's block; false (nothing recorded) when none was in force. */
    public boolean unblock(String deviceId, String actor, long now) throws SQLException {
        if (!Devices.unblock(c, deviceId, now)) {
            return false;
        }
        SessionFeed.deviceUnblocked(c, deviceId, actor, now);
        return true;
    }

    /** The active sessions on the device, of every user. */
    public List<String> activeSessionIds(String deviceId) throws SQLException {
        return Devices.activeSessionIds(c, deviceId);
    }

    /** Ends the still active sessions among {@code ids} with the admin's reason; returns those this call ended. */
    public List<String> end(List<String> ids, String actor, String reason, long now) throws SQLException {
        return MobileSessions.end(c, ids, actor, reason, now);
    }

    /**
     * Records the audit event of a device action (its last user as the account, "" when none), with
     * a delivery per ended session that waits for the device to be told.
     */
    public void audit(AuditAction action, String actor, String deviceId, List<String> sessionIds, String reason,
            Long until, long now) throws SQLException {
        String username = Devices.lastUsername(c, deviceId);
        long auditId = AuditLog.insertDeviceEvent(c, action, actor, username == null ? "" : username, deviceId,
                sessionIds, reason, until, now);
        PushQueries.insertDeliveries(c, auditId, sessionIds, now);
    }

    /** The device as the API shows it while its block is in force. */
    public Optional<DeviceBlock> blocked(String deviceId, long now) throws SQLException {
        return Devices.blocked(c, deviceId, now);
    }

    /** The devices whose block is in force, newest block first. */
    public List<DeviceBlock> allBlocked(long now) throws SQLException {
        return Devices.allBlocked(c, now);
    }
}

package com.sessiondesk.api;

import java.time.Instant;
import java.util.List;

/**
 * One admin action or security event. {@code action} is one of the {@link AuditAction} wire names.
 * Security events also carry the client {@code address} and {@code count}, how many times the same
 * thing happened (same account, address and kind) within that minute; both are null otherwise.
 * {@code until} is the end of a time-limited block (null otherwise).
 * {@code deliveries} lists, for an action that ended sessions (or made them ending), when each
 * device was told. {@code deviceId} names the device of {@code device_blocked} and
 * {@code device_unblocked} (null otherwise; {@code username} is then the device's last user).
 */
public record AuditEvent(
        long id,
        Instant at,
        String actor,
        String action,
        String username,
        List<String> sessionIds,
        String reason,
        String address,
        Integer count,
        Instant until,
        List<Delivery> deliveries,
        String deviceId) {

    /** An event about no device. */
    public AuditEvent(long id, Instant at, String actor, String action, String username, List<String> sessionIds,
            String reason, String address, Integer count, Instant until, List<Delivery> deliveries) {
        this(id, at, actor, action, username, sessionIds, reason, address, count, until, deliveries, null);
    }

    /** An admin action (no address, no count, no block end, no delivery data). */
    public AuditEvent(long id, Instant at, String actor, String action, String username, List<String> sessionIds,
            String reason) {
        this(id, at, actor, action, username, sessionIds, reason, null, null, null, null);
    }

    /** A security event, or an action without block end or delivery data. */
    public AuditEvent(long id, Instant at, String actor, String action, String username, List<String> sessionIds,
            String reason, String address, Integer count) {
        this(id, at, actor, action, username, sessionIds, reason, address, count, null, null);
    }

    /** An event with a block end (no delivery data). */
    public AuditEvent(long id, Instant at, String actor, String action, String username, List<String> sessionIds,
            String reason, String address, Integer count, Instant until) {
        this(id, at, actor, action, username, sessionIds, reason, address, count, until, null);
    }

    /** An event with delivery data (no block end). */
    public AuditEvent(long id, Instant at, String actor, String action, String username, List<String> sessionIds,
            String reason, String address, Integer count, List<Delivery> deliveries) {
        this(id, at, actor, action, username, sessionIds, reason, address, count, null, deliveries);
    }

    /** The same event with its deliveries. */
    public AuditEvent withDeliveries(List<Delivery> found) {
        return new AuditEvent(id, at, actor, action, username, sessionIds, reason, address, count, until, found,
                deviceId);
    }

    /** True for the events History's "Security" filter shows. */
    public boolean security() {
        return AuditAction.SECURITY.contains(action);
    }
}

package com.sessiondesk.server.service;

import com.sessiondesk.api.Alert;
import com.sessiondesk.api.AlertKind;
import com.sessiondesk.server.store.AdminQueries;
import com.sessiondesk.server.store.Alerts;
import com.sessiondesk.server.store.Alerts.Occurrence;
import com.sessiondesk.server.store.Database;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The rules of the alerts, each one transaction, counted in the database so that they hold over all
 * instances on one PostgreSQL:
 * <ul>
 * <li>{@code failed_logins}: {@value #FAILED_LOGINS} or more failed logins for one existing account
 * within {@link #FAILED_LOGINS_WINDOW}, from any address (the account's row is locked while its
 * failures are counted, so the threshold is crossed exactly once);</li>
 * <li>{@code new_device_login}: a login from a device the user never used before, while the user has
 * an active session on another device;</li>
 * <li>{@code blocked_device_attempt}: a login attempt from a blocked device (one alert per device);</li>
 * <li>{@code login_storm}: the login throttle refusing more than {@value #STORM} attempts within one
 * minute (counted per minute over all instances).</li>
 * </ul>
 * A repeat updates the open alert of the same kind and subject (its count and last time) instead of
 * adding one; once acknowledged, the next occurrence raises a new alert (failed logins counted from
 * the acknowledgement on). Every change reaches the live consoles through the change feed.
 */
public final class AlertService {

    public static final int FAILED_LOGINS = 5;
    public static final Duration FAILED_LOGINS_WINDOW = Duration.ofMinutes(15);
    public static final int STORM = 100;
    /** How long acknowledged alerts stay in the list. */
    public static final Duration RECENT = Duration.ofDays(7);

    private static final long MINUTE = 60_000L;
    /** The subject of the one login storm alert (it names no account). */
    private static final String EVERYONE = "";

    private final Database db;

    public AlertService(Database db) {
        this.db = db;
    }

    /** A login of an existing account failed (wrong password). */
    public void failedLogin(String username, String address, long now) {
        String kind = AlertKind.FAILED_LOGINS.wireName();
        long windowStart = now - FAILED_LOGINS_WINDOW.toMillis();
        db.write(c -> {
            if (new AdminQueries(c, db.dialect()).lockAccount(username, now).isEmpty()) {
                return null;
            }
            Alerts alerts = new Alerts(c);
            Long acknowledged = alerts.lastAcknowledged(kind, username);
            long countFrom = acknowledged == null ? windowStart : Math.max(windowStart, acknowledged + 1);
            int failures = alerts.failedLogin(username, now, windowStart, countFrom);
            if (failures < FAILED_LOGINS) {
                return null;
            }
            // A new alert, or a new burst joining the open one, counts the failures of the window.
            boolean open = alerts.isOpen(kind, username);
            int add = !open || failures == FAILED_LOGINS ? failures : 1;
            long firstAt = alerts.firstFailedLogin(username, countFrom, now);
            alerts.raise(new Occurrence(kind, username, username, null, null, address), add, firstAt, now);
            return null;
        });
    }

    /**
     * A mobile session started on a device the user never used before: while the user has an active
     * session on another device, it raises {@code new_device_login}.
     */
    public void newDeviceLogin(long userId, String username, String deviceId, String deviceModel, String address,
            long now) {
        String kind = AlertKind.NEW_DEVICE_LOGIN.wireName();
        if (db.read(c -> new Alerts(c).activeElsewhere(userId, deviceId, now))) {
            db.write(c -> new Alerts(c).raise(new Occurrence(kind, username, username, deviceId, deviceModel, address),
                    1, now, now));
        }
    }

    /**
     * A login was attempted from a blocked device (one alert per device). The username typed is kept
     * only when such an account exists (nothing else typed is kept).
     */
    public void blockedDeviceAttempt(String typedUsername, String deviceId, String deviceModel, String address,
            long now) {
        String kind = AlertKind.BLOCKED_DEVICE_ATTEMPT.wireName();
        db.write(c -> {
            Alerts alerts = new Alerts(c);
            String username = alerts.existingUsername(typedUsername).orElse(null);
            return alerts.raise(new Occurrence(kind, deviceId, username, deviceId, deviceModel, address), 1, now, now);
        });
    }

    /**
     * The login throttle refused an attempt. The minute that passes {@value #STORM} refusals raises
     * (or joins) the storm alert with all of them; each further refusal of that minute adds one.
     */
    public void throttled(String address, long now) {
        String kind = AlertKind.LOGIN_STORM.wireName();
        long minute = now / MINUTE;
        db.write(c -> {
            Alerts alerts = new Alerts(c);
            int refused = alerts.countInMinute("throttled", minute, minute - 60);
            if (refused > STORM) {
                int add = refused == STORM + 1 ? refused : 1;
                alerts.raise(new Occurrence(kind, EVERYONE, null, null, null, address), add, minute * MINUTE, now);
            }
            return null;
        });
    }

    /** The open alerts and those of the last {@link #RECENT}, newest first. */
    public List<Alert> list(long now) {
        return db.read(c -> new Alerts(c).openOrSince(now - RECENT.toMillis()));
    }

    /** Acknowledges an alert (who and when, audited); empty when there is no such alert. */
    public Optional<Alert> acknowledge(long id, String actor, long now) {
        return db.write(c -> new Alerts(c).acknowledge(id, actor, now));
    }
}

package com.sessiondesk.client.incidents;

import com.sessiondesk.api.Alert;
import com.sessiondesk.api.AlertKind;
import com.sessiondesk.client.common.Messages;

/** What an alert says: its kind in words, what happened (with its count), and the notification of a new one. */
public final class AlertTexts {

    private AlertTexts() {
    }

    /** "Failed logins", "Login from a new device", ...; a kind this client does not know keeps its wire name. */
    public static String kind(Alert alert) {
        AlertKind kind = AlertKind.fromWireName(alert.kind());
        if (kind == null) {
            return String.valueOf(alert.kind());
        }
        return Messages.get(switch (kind) {
            case FAILED_LOGINS -> "alerts.kind.failed_logins";
            case NEW_DEVICE_LOGIN -> "alerts.kind.new_device_login";
            case BLOCKED_DEVICE_ATTEMPT -> "alerts.kind.blocked_device_attempt";
            case LOGIN_STORM -> "alerts.kind.login_storm";
        });
    }

    /** "7 failed logins for ana" and the like: the kind's sentence with the alert's facts. */
    public static String summary(Alert alert) {
        AlertKind kind = AlertKind.fromWireName(alert.kind());
        if (kind == null) {
            return Messages.format("alerts.summary.other", kind(alert), alert.count());
        }
        Object[] facts = {alert.count(), text(alert.username()), device(alert), text(alert.address())};
        return switch (kind) {
            case FAILED_LOGINS -> Messages.format("alerts.summary.failed_logins", facts);
            case NEW_DEVICE_LOGIN -> Messages.format("alerts.summary.new_device_login", facts);
            case BLOCKED_DEVICE_ATTEMPT -> Messages.format("alerts.summary.blocked_device_attempt", facts);
            case LOGIN_STORM -> Messages.format("alerts.summary.login_storm", facts);
        };
    }

    /** The notification when a new alert arrives. */
    public static String arrived(Alert alert) {
        return Messages.format("alerts.notification", summary(alert));
    }

    /** The device's model, else its id, else "". */
    public static String device(Alert alert) {
        if (alert.deviceModel() != null && !alert.deviceModel().isBlank()) {
            return alert.deviceModel();
        }
        return text(alert.deviceId());
    }

    /** "Open" or "Acknowledged by ana". */
    public static String state(Alert alert) {
        return alert.open() ? Messages.get("alerts.state.open")
                : Messages.format("alerts.state.acknowledged", text(alert.acknowledgedBy()));
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}

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
        return kind == null ? String.valueOf(alert.kind()) : Messages.get("alerts.kind." + alert.kind());
    }

    /** "7 failed logins for ana" and the like: the kind's sentence with the alert's facts. */
    public static String summary(Alert alert) {
        AlertKind kind = AlertKind.fromWireName(alert.kind());
        if (kind == null) {
            return Messages.format("alerts.summary.other", kind(alert), alert.count());
        }
        return Messages.format("alerts.summary." + alert.kind(), alert.count(), text(alert.username()),
                device(alert), text(alert.address()));
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

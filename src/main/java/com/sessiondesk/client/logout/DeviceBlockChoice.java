package com.sessiondesk.client.logout;

import com.sessiondesk.api.DeviceBlockResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.time.Instant;
import javafx.beans.property.BooleanProperty;

/**
 * The Logout User Account dialog's third choice, "The device is lost or stolen: block this device":
 * the device's sessions end (of every user) and it may not sign in again until {@code until}, while
 * the account stays usable on the user's other devices. Offered for a session whose device is known.
 */
public final class DeviceBlockChoice {

    private final Session session;
    private final BlockOptions options;

    DeviceBlockChoice(Session session, Clock clock) {
        this.session = session;
        this.options = new BlockOptions(clock);
    }

    /** Only a session names a device; a user's dialog (User Accounts) blocks the account instead. */
    public boolean offered() {
        return session != null && session.deviceId() != null && !session.deviceId().isBlank();
    }

    /** Ticked: the dialog blocks the device (its own "until when", as for an account). */
    public BooleanProperty chosenProperty() {
        return options.blockProperty();
    }

    public boolean isChosen() {
        return offered() && options.isBlock();
    }

    /** Until when the device stays blocked. */
    public BlockOptions options() {
        return options;
    }

    /** "The device stays blocked until …", or what is missing (a date). */
    public javafx.beans.binding.StringBinding summary() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            if (!options.isBlock()) {
                return "";
            }
            if (!options.validProperty().get()) {
                return Messages.get("block.chooseDate");
            }
            Instant until = options.until();
            return until == null ? Messages.get("logout.blockDevice.summary.indefinite")
                    : Messages.format("logout.blockDevice.summary.until", Formats.dateTime(until));
        }, options.blockProperty(), options.endProperty(), options.dateProperty());
    }

    /** "Ends every session on Galaxy A54 (of any user); Ana can still use her other devices." */
    public String help() {
        if (!offered()) {
            return "";
        }
        return Messages.format("logout.blockDevice.help", deviceName(),
                Formats.displayName(session.name(), session.username()));
    }

    private String deviceName() {
        return session.deviceModel() == null || session.deviceModel().isBlank() ? session.deviceId() : session.deviceModel();
    }

    /** Sends the block (a blocking call: run it through the TaskRunner). */
    DeviceBlockResult send(AdminService service, String reason) throws Exception {
        return service.blockDevice(session.deviceId(), reason, options.until());
    }

    /** What the server did, for the notification and for the views (the ended rows leave at once). */
    LogoutOutcome outcome(DeviceBlockResult result) {
        Instant until = result.device() == null ? options.until() : result.device().blockedUntil();
        int ended = result.endedSessionIds().size();
        String message = until == null
                ? Messages.format("logout.done.deviceBlocked", deviceName(), ended)
                : Messages.format("logout.done.deviceBlockedUntil", deviceName(), ended, Formats.dateTime(until));
        return new LogoutOutcome(true, message, result.endedSessionIds(), false, null);
    }
}

package com.sessiondesk.client.incidents;

import com.sessiondesk.api.Alert;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.client.common.ClientError;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.logout.LogoutDialogViewModel;
import com.sessiondesk.client.logout.LogoutDialogs;
import com.sessiondesk.client.logout.LogoutOutcome;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * From an alert, one step to the right action through the dialogs that exist: log out the session
 * on the alert's device, block the account, or block the device (the Logout User Account dialog,
 * with the right choice ticked). What is known about the account and its sessions is asked from the
 * service first, so the dialog warns about the unsynced work at stake as it does everywhere.
 */
public final class AlertActions {

    private final ViewContext context;
    private final Clock clock;
    private final LogoutDialogs logoutDialogs;
    private final Consumer<ClientError> failed;
    private final Consumer<LogoutOutcome> done;
    private AdminService service;

    /**
     * @param failed a lookup that failed (the view's banner)
     * @param done after a confirmed action (the views reload what it changed)
     */
    public AlertActions(ViewContext context, Clock clock, LogoutDialogs logoutDialogs, Consumer<ClientError> failed,
                        Consumer<LogoutOutcome> done) {
        this.context = context;
        this.clock = clock;
        this.logoutDialogs = logoutDialogs;
        this.failed = failed;
        this.done = done;
    }

    public void connect(AdminService adminService) {
        this.service = adminService;
    }

    public void disconnect() {
        service = null;
    }

    /** The alert names an account and a device: it may have a session there to log out. */
    public boolean canLogOutSession(Alert alert) {
        return alert != null && alert.username() != null && alert.deviceId() != null;
    }

    /** The alert names an account, and it is not the admin signed in here. */
    public boolean canBlockAccount(Alert alert) {
        return alert != null && alert.username() != null
                && (service == null || !alert.username().equals(service.admin().username()));
    }

    /** The alert names a device that is not the reason of the alert itself (a blocked device's attempt). */
    public boolean canBlockDevice(Alert alert) {
        return alert != null && alert.deviceId() != null && !"blocked_device_attempt".equals(alert.kind());
    }

    /** The Logout User Account dialog for the account's session on the alert's device. */
    public void logOutSession(Alert alert) {
        withSessionOnDevice(alert, false);
    }

    /** The same dialog with "The device is lost or stolen: block this device" ticked. */
    public void blockDevice(Alert alert) {
        withSessionOnDevice(alert, true);
    }

    /** The Logout User Account dialog of the account with Block ticked (as from User Accounts). */
    public void blockAccount(Alert alert) {
        if (service == null || !canBlockAccount(alert)) {
            return;
        }
        AdminService current = service;
        String username = alert.username();
        context.runner().run(() -> new Account(current.users(null).stream().filter(u -> u.username().equals(username))
                .findFirst().orElse(null), current.sessionsOf(username)), account -> {
                    if (account.user() == null) {
                        context.notifier().accept(Messages.format("alerts.noAccount", username));
                    } else if (account.user().blocked()) {
                        context.notifier().accept(Messages.format("alerts.alreadyBlocked", username));
                    } else {
                        open(LogoutDialogViewModel.forUser(account.user(), account.sessions(), true, current, context, clock));
                    }
                }, failed);
    }

    private record Account(User user, List<Session> sessions) {
    }

    private void withSessionOnDevice(Alert alert, boolean blockDevice) {
        if (service == null || !(blockDevice ? canBlockDevice(alert) : canLogOutSession(alert))) {
            return;
        }
        if (alert.username() == null) { // a device without an account named: no session to look up
            blockDeviceWithoutSession(alert);
            return;
        }
        AdminService current = service;
        context.runner().run(() -> current.sessionsOf(alert.username()), sessions -> {
            Optional<Session> onDevice = sessions.stream().filter(s -> alert.deviceId().equals(s.deviceId()))
                    .max(java.util.Comparator.comparing(Session::loginTime, java.util.Comparator.nullsFirst(
                            java.util.Comparator.naturalOrder())));
            if (onDevice.isPresent()) {
                LogoutDialogViewModel dialog = LogoutDialogViewModel.forSession(onDevice.get(), sessions, current, context, clock);
                dialog.deviceBlock().chosenProperty().set(blockDevice);
                open(dialog);
            } else if (blockDevice) {
                blockDeviceWithoutSession(alert);
            } else {
                context.notifier().accept(Messages.format("alerts.noSession", alert.username(), AlertTexts.device(alert)));
            }
        }, failed);
    }

    /** No session on the device is left: a confirmation, then the block (its next logins are refused). */
    private void blockDeviceWithoutSession(Alert alert) {
        AdminService current = service;
        String device = AlertTexts.device(alert);
        if (!context.dialogs().confirm(Messages.get("alerts.blockDevice.title"),
                Messages.format("alerts.blockDevice.header", device), Messages.get("alerts.blockDevice.content"),
                Messages.get("logout.confirm.blockDevice"))) {
            return;
        }
        String reason = Messages.format("alerts.blockDevice.reason", AlertTexts.kind(alert));
        context.runner().run(() -> current.blockDevice(alert.deviceId(), reason, null), result -> {
            LogoutOutcome outcome = new LogoutOutcome(true, Messages.format("logout.done.deviceBlocked", device,
                    result.endedSessionIds().size()), result.endedSessionIds(), false, null);
            context.notifier().accept(outcome.message());
            done.accept(outcome);
        }, failed);
    }

    private void open(LogoutDialogViewModel dialog) {
        dialog.setOnDone(done);
        logoutDialogs.show(dialog);
    }
}

package com.sessiondesk.client.incidents;

import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.client.common.LoadState;
import com.sessiondesk.client.common.Refreshable;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.logout.LogoutDialogs;
import com.sessiondesk.client.logout.LogoutOutcome;
import com.sessiondesk.client.service.AdminService;
import com.sessiondesk.client.sessions.FeedListener;
import java.time.Clock;
import java.util.function.Consumer;
import javafx.scene.Parent;

/**
 * The Alerts view as the window sees it: the alerts (live from the sessions' change feed, so the
 * header's count is current on every view), the blocked devices, the actions, and the view itself,
 * built on first use.
 */
public final class Incidents implements Refreshable {

    private final AlertsViewModel alerts;
    private final BlockedDevicesViewModel devices;
    private final AlertActions actions;
    private AlertsController view;
    private AdminService service;

    /** @param done after an action from an alert was confirmed (the sessions drop the ended rows) */
    public Incidents(ViewContext context, Clock clock, LogoutDialogs logoutDialogs, Consumer<LogoutOutcome> done) {
        this.alerts = new AlertsViewModel(context, clock);
        this.devices = new BlockedDevicesViewModel(context, clock);
        this.actions = new AlertActions(context, clock, logoutDialogs, alerts::actionFailed, done);
    }

    /** What the sessions' feed brings for the alerts and the blocked devices. */
    public FeedListener feedListener() {
        return new FeedListener() {
            @Override
            public void changes(SessionChanges changes) {
                alerts.changed(changes.alerts());
                devices.changed(changes.deviceBlockChanges());
            }

            @Override
            public void reloaded() {
                alerts.refresh(); // alerts raised while the list was reloaded may not be in the feed's answers
            }
        };
    }

    public void connect(AdminService adminService) {
        this.service = adminService;
        actions.connect(adminService);
        alerts.connect(adminService);
    }

    public void disconnect() {
        service = null;
        actions.disconnect();
        alerts.disconnect();
        devices.disconnect();
    }

    /** The view, built on first use; showing it loads the blocked devices. */
    public Parent show() {
        if (view == null) {
            view = new AlertsController(alerts, actions, devices);
        }
        if (service != null) {
            devices.connect(service);
        }
        return view.root();
    }

    /** Ctrl+F: the alerts table takes the keyboard. */
    public void focus() {
        if (view != null) {
            view.focusTable();
        }
    }

    public AlertsViewModel alerts() {
        return alerts;
    }

    @Override
    public LoadState state() {
        return alerts.state();
    }

    /** F5 and the automatic refresh: both lists. */
    @Override
    public void refresh() {
        alerts.refresh();
        devices.refresh();
    }
}

package com.sessiondesk.client.incidents;

import com.sessiondesk.api.Alert;
import com.sessiondesk.client.common.BaseListViewModel;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The Alerts view and the header's indicator: the open alerts and those of the last 7 days, newest
 * first, kept current from the change feed the sessions already follow (new and updated alerts are
 * applied in place; a new one is announced), and acknowledging one. The actions on an alert's
 * session, account or device go through {@link AlertActions}.
 */
public final class AlertsViewModel extends BaseListViewModel<Alert> {

    /** Newest activity first; the same time: the higher id (raised later) first. */
    static final Comparator<Alert> NEWEST_FIRST = Comparator.comparing(Alert::lastAt,
            Comparator.nullsLast(Comparator.reverseOrder())).thenComparing(Alert::id, Comparator.reverseOrder());

    private AdminService service;
    /** Whether the list was loaded since connecting: only then is an alert the feed brings "new". */
    private boolean loaded;

    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final FilteredList<Alert> shown = new FilteredList<>(alerts);
    private final BooleanProperty openOnly = new SimpleBooleanProperty(this, "openOnly");
    private final ReadOnlyIntegerWrapper openCount = new ReadOnlyIntegerWrapper(this, "openCount");

    public AlertsViewModel(ViewContext context, Clock clock) {
        super(context, clock);
        openOnly.addListener((obs, old, now) -> shown.setPredicate(now ? Alert::open : null));
        updateTexts();
    }

    public void connect(AdminService adminService) {
        this.service = adminService;
        refresh();
    }

    /** Signed out: nothing of the old server stays. */
    public void disconnect() {
        service = null;
        loaded = false;
        state().reset();
        alerts.clear();
        openOnly.set(false);
        updateTexts();
    }

    @Override
    public void refresh() {
        if (service == null) {
            return;
        }
        AdminService current = service;
        context.load(state(), current::alerts, list -> {
            boolean announce = loaded;
            loaded = true;
            apply(list, announce, true);
        }, () -> !alerts.isEmpty());
    }

    /** The feed brought new or updated alerts (on the FX thread): applied in place, a new one announced. */
    public void changed(List<Alert> changed) {
        if (service == null || changed == null || changed.isEmpty()) {
            return;
        }
        apply(changed, loaded, false);
    }

    /**
     * @param announce tell the admin of alerts not known before (not on the first load)
     * @param whole {@code list} is the whole list (a load): alerts not in it have gone
     */
    private void apply(List<Alert> list, boolean announce, boolean whole) {
        Map<Long, Alert> byId = new HashMap<>();
        if (!whole) {
            alerts.forEach(alert -> byId.put(alert.id(), alert));
        }
        Map<Long, Alert> before = new HashMap<>();
        alerts.forEach(alert -> before.put(alert.id(), alert));
        for (Alert alert : list) {
            byId.put(alert.id(), alert);
        }
        List<Alert> next = byId.values().stream().sorted(NEWEST_FIRST).toList();
        alerts.setAll(next);
        updateTexts();
        if (announce) {
            list.stream().filter(alert -> alert.open() && !before.containsKey(alert.id())).sorted(NEWEST_FIRST)
                    .findFirst().ifPresent(alert -> context.notifier().accept(AlertTexts.arrived(alert)));
        }
    }

    /** Marks the alert as seen by this admin (who and when are kept by the service). */
    public void acknowledge(Alert alert) {
        if (service == null || alert == null || !alert.open()) {
            return;
        }
        AdminService current = service;
        context.runner().run(() -> current.acknowledgeAlert(alert.id()), acknowledged -> {
            apply(List.of(acknowledged), false, false);
            context.notifier().accept(Messages.format("alerts.acknowledged", AlertTexts.summary(acknowledged)));
        }, this::actionFailed);
    }

    @Override
    protected void updateTexts() {
        int open = (int) alerts.stream().filter(Alert::open).count();
        openCount.set(open);
        showTexts(Messages.format("alerts.count", alerts.size(), open),
                Messages.get(alerts.isEmpty() && state().isLoading() ? "alerts.loading"
                        : alerts.isEmpty() ? "alerts.placeholder.none" : "alerts.placeholder.noOpen"));
    }

    /** How many alerts nobody acknowledged yet (the header's indicator). */
    public ReadOnlyIntegerProperty openCountProperty() {
        return openCount.getReadOnlyProperty();
    }

    /** Every alert known, newest first (the shown ones: {@link #shown()}). */
    public ObservableList<Alert> alerts() {
        return FXCollections.unmodifiableObservableList(alerts);
    }

    public BooleanProperty openOnlyProperty() {
        return openOnly;
    }

    @Override
    public ObservableList<Alert> shown() {
        return shown;
    }
}

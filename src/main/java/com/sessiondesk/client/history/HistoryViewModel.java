package com.sessiondesk.client.history;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.client.common.LoadState;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** History: the audit log as the server sends it (newest first), filtered by user. */
public final class HistoryViewModel {

    /** How many recent events the view loads. */
    static final int LIMIT = 1000;

    private final ViewContext context;
    private final LoadState state;
    private AdminService service;

    private final ObservableList<AuditEvent> events = FXCollections.observableArrayList();
    private final FilteredList<AuditEvent> shown = new FilteredList<>(events);
    private final StringProperty userFilter = new SimpleStringProperty(this, "userFilter", "");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");

    public HistoryViewModel(ViewContext context, Clock clock) {
        this.context = context;
        this.state = new LoadState(clock);
        userFilter.addListener((obs, old, now) -> applyFilter());
        shown.addListener((ListChangeListener<AuditEvent>) change ->
                countText.set(Messages.format("history.count", shown.size())));
        countText.set(Messages.format("history.count", 0));
    }

    public void connect(AdminService adminService) {
        this.service = adminService;
        refresh();
    }

    public void refresh() {
        if (service == null) {
            return;
        }
        AdminService current = service;
        context.load(state, () -> current.audit(LIMIT), loaded -> events.setAll(loaded), () -> !events.isEmpty());
    }

    private void applyFilter() {
        String query = userFilter.get() == null ? "" : userFilter.get().trim().toLowerCase(Locale.ROOT);
        shown.setPredicate(query.isEmpty() ? null
                : event -> event.username() != null && event.username().toLowerCase(Locale.ROOT).contains(query));
    }

    /** The action in words, e.g. "Logged out all devices". */
    public static String describe(AuditEvent event) {
        String action = event.action() == null ? "" : event.action();
        // history.action.<action> in the bundle; an action this client does not know reads as its name
        String key = "history.action." + action;
        return Messages.has(key) ? Messages.get(key) : action.replace('_', ' ');
    }

    public ObservableList<AuditEvent> shown() {
        return shown;
    }

    public StringProperty userFilterProperty() {
        return userFilter;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public LoadState state() {
        return state;
    }
}

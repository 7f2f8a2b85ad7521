package com.sessiondesk.client.history;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.LoadState;
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
                countText.set(Formats.count(shown.size(), "event", "events")));
        countText.set(Formats.count(0, "event", "events"));
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

    /** The action in words, e.g. "Logged out all devices", "Blocked the account until Dec 1, 2026, 12:00 AM". */
    public static String describe(AuditEvent event) {
        String action = event.action() == null ? "" : event.action();
        String until = event.until() == null ? "" : " until " + Formats.dateTime(event.until());
        return switch (action) {
            case "logout_session" -> "Logged out one session";
            case "logout_all" -> "Logged out all devices";
            case "logout_sessions" -> "Logged out selected sessions";
            case "block_sessions" -> "Blocked the accounts of selected sessions" + until;
            case "block" -> "Blocked the account" + until;
            case "unblock" -> "Unblocked the account";
            case "admin_login" -> "Signed in to SessionDesk";
            case "admin_login_failed" -> "Failed sign-in";
            default -> action.replace('_', ' ');
        };
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

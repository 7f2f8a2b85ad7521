package com.sessiondesk.client.history;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.LoadState;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** History: the audit log as the server sends it (newest first), filtered by user and to security events. */
public final class HistoryViewModel {

    /** How many recent events the view loads. */
    static final int LIMIT = 1000;

    private final ViewContext context;
    private final LoadState state;
    private AdminService service;

    private final ObservableList<AuditEvent> events = FXCollections.observableArrayList();
    private final FilteredList<AuditEvent> shown = new FilteredList<>(events);
    private final StringProperty userFilter = new SimpleStringProperty(this, "userFilter", "");
    private final BooleanProperty securityOnly = new SimpleBooleanProperty(this, "securityOnly", false);
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");

    public HistoryViewModel(ViewContext context, Clock clock) {
        this.context = context;
        this.state = new LoadState(clock);
        userFilter.addListener((obs, old, now) -> applyFilter());
        securityOnly.addListener((obs, old, now) -> applyFilter());
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
        boolean security = securityOnly.get();
        shown.setPredicate(query.isEmpty() && !security ? null
                : event -> (!security || event.security()) && (query.isEmpty()
                        || event.username() != null && event.username().toLowerCase(Locale.ROOT).contains(query)));
    }

    /** The action in words, e.g. "Logged out all devices". */
    public static String describe(AuditEvent event) {
        String action = event.action() == null ? "" : event.action();
        return switch (action) {
            case "logout_session" -> "Logged out one session";
            case "logout_all" -> "Logged out all devices";
            case "block" -> "Blocked the account";
            case "unblock" -> "Unblocked the account";
            case "admin_login" -> "Signed in to SessionDesk";
            case "admin_login_failed" -> "Failed sign-in";
            case "mobile_login_failed" -> "Failed app sign-in";
            case "login_throttled" -> "Sign-in refused: too many failures";
            case "admin_call_refused" -> "Admin call refused";
            case "admin_tokens_revoked" -> "Admin sessions ended";
            case "password_changed" -> "Changed their password";
            default -> action.replace('_', ' ');
        };
    }

    /** The Sessions column: how many sessions an action ended, or how often a security event happened ("×12"). */
    public static String countText(AuditEvent event) {
        if (event.count() != null) {
            return "\u00d7" + event.count();
        }
        return event.sessionIds() == null || event.sessionIds().isEmpty() ? "" : String.valueOf(event.sessionIds().size());
    }

    /** The reason, with the client address of a security event. */
    public static String reasonText(AuditEvent event) {
        String reason = event.reason() == null ? "" : event.reason();
        if (event.address() == null) {
            return reason;
        }
        return reason.isEmpty() ? "from " + event.address() : reason + " (from " + event.address() + ")";
    }

    public BooleanProperty securityOnlyProperty() {
        return securityOnly;
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

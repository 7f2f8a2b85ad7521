package com.sessiondesk.client.history;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.User;
import com.sessiondesk.client.common.DeliveryTexts;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.LoadState;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.ServerReasons;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
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

/**
 * History: the audit log as the server sends it (newest first), searchable by a person's username
 * or name and to security events, with the devices a log out ended where this client saw those sessions.
 */
public final class HistoryViewModel implements com.sessiondesk.client.common.ListViewModel<AuditEvent> {

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
    private final ReadOnlyStringWrapper placeholderText = new ReadOnlyStringWrapper(this, "placeholderText", "");
    private final Function<String, String> deviceOfSession;
    private Map<String, String> names = Map.of();

    /** @param deviceOfSession the device of a session this client listed, or null */
    public HistoryViewModel(ViewContext context, Clock clock, Function<String, String> deviceOfSession) {
        this.context = context;
        this.state = new LoadState(clock);
        this.deviceOfSession = deviceOfSession;
        userFilter.addListener((obs, old, now) -> applyFilter());
        securityOnly.addListener((obs, old, now) -> applyFilter());
        shown.addListener((ListChangeListener<AuditEvent>) change -> updateTexts());
        state.loadingProperty().addListener((obs, old, now) -> updateTexts());
        updateTexts();
    }

    private void updateTexts() {
        countText.set(Messages.format("history.count", shown.size()));
        placeholderText.set(Messages.get(!events.isEmpty() ? "history.placeholder.noMatch"
                : state.isLoading() ? "history.loading" : "history.placeholder"));
    }

    /** The events and the names of the people they are about (for searching by name). */
    private record Loaded(List<AuditEvent> events, Map<String, String> names) {
    }

    private static Loaded load(AdminService service) throws Exception {
        List<AuditEvent> events = service.audit(LIMIT);
        Map<String, String> names = new HashMap<>();
        try {
            for (User user : service.users(null)) {
                names.put(user.username(), user.name());
            }
        } catch (Exception e) {
            // names are for searching only: the history still shows without them
        }
        return new Loaded(events, names);
    }

    /** Signed out or switched server: the old server's search does not carry over. */
    public void disconnect() {
        service = null;
        state.reset();
        events.clear();
        userFilter.set("");
    }

    /** The name of the person an event is about ("" when unknown). */
    public String nameOf(AuditEvent event) {
        String name = event.username() == null ? null : names.get(event.username());
        return name == null ? "" : name;
    }

    /** The devices the event's log out ended: as the server recorded them, else as this client listed them. */
    public String devicesOf(AuditEvent event) {
        if (event.sessionIds() == null || event.sessionIds().isEmpty()) {
            return "";
        }
        Set<String> devices = new LinkedHashSet<>();
        for (String id : event.sessionIds()) {
            String device = deviceOf(event, id);
            if (device != null && !device.isBlank()) {
                devices.add(device);
            }
        }
        return String.join(", ", devices);
    }

    private String deviceOf(AuditEvent event, String sessionId) {
        if (event.deliveries() != null) {
            for (com.sessiondesk.api.Delivery delivery : event.deliveries()) {
                if (sessionId.equals(delivery.sessionId()) && delivery.device() != null) {
                    return delivery.device();
                }
            }
        }
        return deviceOfSession.apply(sessionId);
    }

    /** Per session of the event: its device (where known) and whether and when it was told. */
    public String deliveryDetails(AuditEvent event, java.time.Instant now) {
        if (event.deliveries() == null) {
            return "";
        }
        List<String> lines = new java.util.ArrayList<>();
        for (com.sessiondesk.api.Delivery delivery : event.deliveries()) {
            String device = deviceOf(event, delivery.sessionId());
            String who = device == null || device.isBlank() ? DeliveryTexts.unknownSession(delivery.sessionId()) : device;
            lines.add(who + ": " + DeliveryTexts.state(event, delivery, now));
        }
        return String.join("\n", lines);
    }

    /** While a device of a recent action still waits to be told, the view reloads often (live delivery). */
    public boolean waitingForDevices() {
        return events.stream().limit(50).anyMatch(DeliveryTexts::waiting);
    }

    public void connect(AdminService adminService) {
        this.service = adminService;
        refresh();
    }

    @Override
    public void refresh() {
        if (service == null) {
            return;
        }
        AdminService current = service;
        context.load(state, () -> load(current), loaded -> {
            names = loaded.names();
            events.setAll(loaded.events());
        }, () -> !events.isEmpty());
    }

    private void applyFilter() {
        String query = userFilter.get() == null ? "" : userFilter.get().trim().toLowerCase(Locale.ROOT);
        boolean security = securityOnly.get();
        shown.setPredicate(query.isEmpty() && !security ? null
                : event -> (!security || event.security())
                        && (query.isEmpty() || contains(event.username(), query) || contains(nameOf(event), query)));
    }

    private static boolean contains(String text, String lowercaseQuery) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowercaseQuery);
    }

    /** The action in words, e.g. "Logged out all devices", "Blocked the account until Dec 1, 2026, 12:00 AM". */
    public static String describe(AuditEvent event) {
        String action = event.action() == null ? "" : event.action();
        String until = event.until() == null ? "" : Messages.format("history.until", Formats.dateTime(event.until()));
        // history.action.<action> in the bundle; an action this client does not know reads as its name
        String key = "history.action." + action;
        String text = Messages.has(key) ? Messages.get(key) : action.replace('_', ' ');
        return action.startsWith("block") ? text + until : text;
    }

    /** The Sessions column: how many sessions an action ended, or how often a security event happened; null for none. */
    public static Integer countOf(AuditEvent event) {
        if (event.count() != null) {
            return event.count();
        }
        return event.sessionIds() == null || event.sessionIds().isEmpty() ? null : event.sessionIds().size();
    }

    /** The reason, with the client address of a security event. */
    public static String reasonText(AuditEvent event) {
        String reason = ServerReasons.text(event.reason()); // the service's own reasons in the window's language
        if (event.address() == null) {
            return reason;
        }
        return reason.isEmpty() ? Messages.format("history.fromAddress", event.address())
                : Messages.format("history.reasonFromAddress", reason, event.address());
    }

    public BooleanProperty securityOnlyProperty() {
        return securityOnly;
    }

    @Override
    public ObservableList<AuditEvent> shown() {
        return shown;
    }

    public StringProperty userFilterProperty() {
        return userFilter;
    }

    @Override
    public ReadOnlyStringProperty placeholderTextProperty() {
        return placeholderText.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    @Override
    public LoadState state() {
        return state;
    }
}

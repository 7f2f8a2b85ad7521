package com.sessiondesk.client.history;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.AuditList;
import com.sessiondesk.api.User;
import com.sessiondesk.client.common.DeliveryTexts;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.LoadState;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.ServerReasons;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
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
 * History: the audit log as the server sends it (newest first), a page at a time (the next page when
 * the table shows its last row), either admin actions or, with the Security filter, security events;
 * searchable by a person's username or name, with the devices a log out ended where this client saw
 * those sessions.
 */
public final class HistoryViewModel implements com.sessiondesk.client.common.ListViewModel<AuditEvent> {

    /** How many events one page loads. */
    static final int PAGE = 200;

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
    /** The server's cursor of the next (older) page; null when every event of the kind is loaded. */
    private String nextCursor;
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore", false);
    /** Bumped when the loaded pages are replaced (category switched, reconnected): older pages in flight are dropped. */
    private int generation;
    private boolean loadingMore;

    /** @param deviceOfSession the device of a session this client listed, or null */
    public HistoryViewModel(ViewContext context, Clock clock, Function<String, String> deviceOfSession) {
        this.context = context;
        this.state = new LoadState(clock);
        this.deviceOfSession = deviceOfSession;
        userFilter.addListener((obs, old, now) -> applyFilter());
        securityOnly.addListener((obs, old, now) -> {
            generation++;
            events.clear();
            setNextCursor(null);
            refresh();
            updateTexts();
        });
        shown.addListener((ListChangeListener<AuditEvent>) change -> updateTexts());
        state.loadingProperty().addListener((obs, old, now) -> updateTexts());
        updateTexts();
    }

    private void updateTexts() {
        countText.set(Messages.format(hasMore.get() ? "history.count.more" : "history.count", shown.size()));
        String empty = securityOnly.get() ? "history.placeholder.security" : "history.placeholder";
        placeholderText.set(Messages.get(!events.isEmpty() ? empty + ".noMatch"
                : state.isLoading() ? "history.loading" : empty));
    }

    /** The first page and the names of the people they are about (for searching by name). */
    private record Loaded(AuditList page, Map<String, String> names) {
    }

    private static Loaded load(AdminService service, boolean security) throws Exception {
        AuditList page = service.auditPage(security, null, PAGE);
        Map<String, String> names = new HashMap<>();
        try {
            for (User user : service.users(null)) {
                names.put(user.username(), user.name());
            }
        } catch (Exception e) {
            // names are for searching only: the history still shows without them
        }
        return new Loaded(page, names);
    }

    /** Signed out or switched server: the old server's search does not carry over. */
    public void disconnect() {
        service = null;
        state.reset();
        generation++;
        events.clear();
        setNextCursor(null);
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

    /**
     * Reloads the newest page; the older pages already loaded stay (an action changes only its own
     * row, e.g. its deliveries), so a refresh never shortens what the user scrolled to.
     */
    @Override
    public void refresh() {
        if (service == null) {
            return;
        }
        AdminService current = service;
        boolean security = securityOnly.get();
        int loadedGeneration = generation;
        context.load(state, () -> load(current, security), loaded -> {
            names = loaded.names();
            List<AuditEvent> first = loaded.page().events();
            if (loadedGeneration != generation || events.isEmpty() || first.isEmpty()) {
                events.setAll(first);
                setNextCursor(loaded.page().nextCursor());
                return;
            }
            long oldestOfFirst = first.get(first.size() - 1).id();
            List<AuditEvent> merged = new ArrayList<>(first);
            boolean keptOlder = false;
            for (AuditEvent event : events) {
                if (event.id() < oldestOfFirst) {
                    merged.add(event);
                    keptOlder = true;
                }
            }
            events.setAll(merged);
            if (!keptOlder) {
                setNextCursor(loaded.page().nextCursor());
            }
        }, () -> !events.isEmpty());
    }

    /** Loads the next (older) page, if there is one and none is on its way. */
    public void loadMore() {
        loadMore(() -> { }, () -> { });
    }

    private void loadMore(Runnable then, Runnable failed) {
        if (service == null || nextCursor == null || loadingMore) {
            then.run();
            return;
        }
        loadingMore = true;
        AdminService current = service;
        boolean security = securityOnly.get();
        String cursor = nextCursor;
        int loadedGeneration = generation;
        context.runner().run(() -> current.auditPage(security, cursor, PAGE), page -> {
            loadingMore = false;
            if (loadedGeneration != generation || !cursor.equals(nextCursor)) {
                return; // the list was replaced meanwhile
            }
            Set<Long> known = new HashSet<>();
            events.forEach(e -> known.add(e.id()));
            events.addAll(page.events().stream().filter(e -> !known.contains(e.id())).toList());
            setNextCursor(page.nextCursor());
            then.run();
        }, error -> {
            loadingMore = false;
            state.failed(error.message(), !events.isEmpty());
            failed.run();
        });
    }

    /**
     * Loads every remaining page (the count grows as they arrive), then runs {@code then}, so that an
     * export has all; {@code failed} instead when a page could not be loaded (the error is shown).
     */
    public void loadAll(Runnable then, Runnable failed) {
        if (nextCursor == null) {
            then.run();
            return;
        }
        loadMore(() -> {
            if (nextCursor == null) {
                then.run();
            } else {
                loadAll(then, failed);
            }
        }, failed);
    }

    private void setNextCursor(String cursor) {
        nextCursor = cursor;
        hasMore.set(cursor != null);
        updateTexts();
    }

    /** Whether older events wait on the server (the next page loads when the table shows its last row). */
    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    private void applyFilter() {
        String query = userFilter.get() == null ? "" : userFilter.get().trim().toLowerCase(Locale.ROOT);
        shown.setPredicate(query.isEmpty() ? null
                : event -> contains(event.username(), query) || contains(nameOf(event), query));
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

    /** The Sessions column: how many sessions an action ended; null for none (and for security events). */
    public static Integer sessionCountOf(AuditEvent event) {
        return event.security() || event.sessionIds() == null || event.sessionIds().isEmpty() ? null
                : event.sessionIds().size();
    }

    /** The Attempts column: how often a security event happened in its minute; null for an action. */
    public static Integer attemptsOf(AuditEvent event) {
        return event.security() ? event.count() : null;
    }

    /** The Admin column: the super user who acted; empty for a security event (nobody acted). */
    public static String adminOf(AuditEvent event) {
        return event.security() || event.actor() == null ? "" : event.actor();
    }

    /** The Address column: a security event's client address, or "Many addresses" for the minute's count past 20 rows. */
    public static String addressOf(AuditEvent event) {
        if (!event.security()) {
            return "";
        }
        return event.address() != null ? event.address() : Messages.get("history.address.many");
    }

    /** The reason as recorded (a security event's address has its own column). */
    public static String reasonText(AuditEvent event) {
        return event.reason() == null ? "" : ServerReasons.text(event.reason()); // the service's own reasons in the window's language
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

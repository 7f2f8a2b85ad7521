package com.sessiondesk.client.logout;

import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Logout User Account dialog's rules: Block ends every session (so it checks and locks
 * "Log out from all devices"), the help and warning texts, the one request sent, and the
 * notification of what the server actually did.
 */
public final class LogoutDialogViewModel {

    public static final String TITLE = "Logout User Account";
    public static final String WARNING =
            "Any unsynced work the user has done offline will be lost and cannot be recovered if logout is completed.";
    public static final String BLOCK_HELP = "Prevents logging back in. Unblock it later under User Accounts.";
    public static final String BLOCK_LOCKS_ALL_DEVICES = "Blocking always ends every session.";
    public static final String REASON_HELP = "Shown to the user on their device";

    private final Session session;
    private final List<Session> userSessions;
    private final AdminService service;
    private final ViewContext context;

    private final BlockOptions blockOptions;
    private final BooleanProperty block;
    private final BooleanProperty allDevices = new SimpleBooleanProperty(this, "allDevices");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final StringBinding allDevicesHelp;
    private final StringBinding unsyncedWarning;
    private boolean allDevicesBeforeBlock;
    private Instant sentUntil;

    /**
     * @param userSessions every active session of the same user, this one included
     */
    public LogoutDialogViewModel(Session session, List<Session> userSessions, AdminService service, ViewContext context) {
        this(session, userSessions, service, context, Clock.systemDefaultZone());
    }

    /** @param clock the now of "block for 1 hour" and the like */
    public LogoutDialogViewModel(Session session, List<Session> userSessions, AdminService service, ViewContext context,
            Clock clock) {
        this.blockOptions = new BlockOptions(clock);
        this.block = blockOptions.blockProperty();
        this.session = session;
        this.userSessions = withSession(userSessions, session);
        this.service = service;
        this.context = context;
        block.addListener((obs, was, now) -> {
            if (now) {
                allDevicesBeforeBlock = allDevices.get();
                allDevices.set(true);
            } else {
                allDevices.set(allDevicesBeforeBlock);
            }
        });
        allDevicesHelp = Bindings.createStringBinding(
                () -> block.get() ? BLOCK_LOCKS_ALL_DEVICES + " " + allDevicesScope() : allDevicesScope(), block);
        unsyncedWarning = Bindings.createStringBinding(this::unsyncedText, allDevices);
    }

    private static List<Session> withSession(List<Session> sessions, Session session) {
        List<Session> all = new ArrayList<>(sessions);
        if (all.stream().noneMatch(s -> s.id().equals(session.id()))) {
            all.add(session);
        }
        return List.copyOf(all);
    }

    public String title() {
        return TITLE;
    }

    /** "Log out Bob Aide (bob.aide)?" */
    public String heading() {
        return "Log out " + displayName() + " (" + session.username() + ")?";
    }

    /** "Galaxy A54 · Android 14 — Caregiver 3.2.0" */
    public String sessionDescription() {
        String device = join(" · ", session.deviceModel(), session.deviceOs());
        String app = join(" ", session.application(), session.appVersion());
        String text = join(" — ", device, app);
        return session.superseded() ? text + " (old app version)" : text;
    }

    public String warning() {
        return WARNING;
    }

    public String blockHelp() {
        return BLOCK_HELP;
    }

    /** "Ends all 3 sessions of bob.aide, including 1 from an old app version." */
    private String allDevicesScope() {
        int total = userSessions.size();
        if (total == 1) {
            return session.username() + " has no other active session.";
        }
        long old = userSessions.stream().filter(Session::superseded).count();
        String text = "Ends all " + total + " sessions of " + session.username();
        if (old > 0) {
            text += ", including " + old + " from an old app version";
        }
        return text + ".";
    }

    private String unsyncedText() {
        int here = Math.max(0, session.pendingSyncItems());
        int elsewhere = 0;
        if (allDevices.get()) {
            for (Session other : userSessions) {
                if (!other.id().equals(session.id())) {
                    elsewhere += Math.max(0, other.pendingSyncItems());
                }
            }
        }
        String items = here == 1 ? "1 unsynced item" : here + " unsynced items";
        if (elsewhere == 0) {
            return here == 0 ? "" : "This device has " + items + ".";
        }
        String more = Formats.count(elsewhere, "unsynced item", "unsynced items");
        return here == 0
                ? session.username() + "'s other devices have " + more + "."
                : "This device has " + items + ", and " + session.username() + "'s other devices " + elsewhere + " more.";
    }

    /** The one request of this dialog: Block implies all devices; a blank reason is none. */
    public LogoutRequest request() {
        String typed = reason.get() == null ? "" : reason.get().trim();
        return new LogoutRequest(allDevices.get() || block.get(), block.get(), typed.isEmpty() ? null : typed,
                blockOptions.until());
    }

    /**
     * Sends the logout in the background. On success {@code onDone} gets what the server did (the
     * caller removes the ended rows and words the notification); on failure the dialog stays open
     * with the message and nothing is claimed.
     */
    public void submit(Consumer<LogoutResult> onDone) {
        if (busy.get() || !blockOptions.validProperty().get()) {
            return;
        }
        LogoutRequest request = request();
        sentUntil = request.until();
        busy.set(true);
        errorMessage.set(null);
        context.runner().run(() -> service.logoutSession(session.id(), request), result -> {
            busy.set(false);
            onDone.accept(result);
        }, error -> {
            busy.set(false);
            errorMessage.set(error.message());
        });
    }

    /** What the server did, in words: "Signed out Bob Aide from 2 devices; account blocked". */
    public String notificationFor(LogoutResult result) {
        List<String> ended = result.endedSessionIds() == null ? List.of() : result.endedSessionIds();
        String name = displayName();
        String blocked = !result.blocked() ? "" : sentUntil == null ? "; account blocked"
                : "; account blocked until " + Formats.dateTime(sentUntil);
        if (ended.isEmpty()) {
            return result.blocked()
                    ? "Blocked " + name + "'s account; no session was active"
                    : name + " had no active session left";
        }
        if (ended.size() == 1 && ended.get(0).equals(session.id())) {
            return "Signed out " + name + " from " + join(" ", session.deviceModel(), "(" + session.application() + ")") + blocked;
        }
        int devices = devicesOf(ended);
        String text = "Signed out " + name + " from " + Formats.count(devices, "device", "devices");
        if (devices != ended.size()) {
            text += " (" + ended.size() + " sessions)";
        }
        return text + blocked;
    }

    /** Distinct devices among the ended sessions; a session this client did not list counts as one. */
    private int devicesOf(List<String> endedIds) {
        Map<String, String> deviceOfSession = new HashMap<>();
        for (Session s : userSessions) {
            deviceOfSession.put(s.id(), s.deviceId());
        }
        Set<String> devices = new HashSet<>();
        for (String id : endedIds) {
            String device = deviceOfSession.get(id);
            devices.add(device != null ? "device:" + device : "session:" + id);
        }
        return devices.size();
    }

    private String displayName() {
        return Formats.displayName(session.name(), session.username());
    }

    private static String join(String separator, String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (text.length() > 0) {
                    text.append(separator);
                }
                text.append(part.trim());
            }
        }
        return text.toString();
    }

    public Session session() {
        return session;
    }

    public BooleanProperty blockProperty() {
        return block;
    }

    /** The end of the block the last request asked for (null: none, or until unblocked). */
    public Instant sentUntil() {
        return sentUntil;
    }

    public BlockOptions blockOptions() {
        return blockOptions;
    }

    public BooleanProperty allDevicesProperty() {
        return allDevices;
    }

    /** "Log out from all devices" cannot be unchecked while Block is checked. */
    public javafx.beans.value.ObservableBooleanValue allDevicesLocked() {
        return block;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public StringBinding allDevicesHelp() {
        return allDevicesHelp;
    }

    public StringBinding unsyncedWarning() {
        return unsyncedWarning;
    }
}

package com.sessiondesk.client.logout;

import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.service.AdminService;
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


    private final Session session;
    private final List<Session> userSessions;
    private final AdminService service;
    private final ViewContext context;

    private final BooleanProperty block = new SimpleBooleanProperty(this, "block");
    private final BooleanProperty allDevices = new SimpleBooleanProperty(this, "allDevices");
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final StringBinding allDevicesHelp;
    private final StringBinding unsyncedWarning;
    private boolean allDevicesBeforeBlock;

    /**
     * @param userSessions every active session of the same user, this one included
     */
    public LogoutDialogViewModel(Session session, List<Session> userSessions, AdminService service, ViewContext context) {
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
                () -> block.get() ? Messages.get("logout.block.allDevices") + " " + allDevicesScope() : allDevicesScope(), block);
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
        return Messages.get("logout.title");
    }

    /** "Log out Bob Aide (bob.aide)?" */
    public String heading() {
        return Messages.format("logout.heading", displayName(), session.username());
    }

    /** "Galaxy A54 · Android 14 — Caregiver 3.2.0" */
    public String sessionDescription() {
        String device = join(" · ", session.deviceModel(), session.deviceOs());
        String app = join(" ", session.application(), session.appVersion());
        String text = join(" — ", device, app);
        return session.superseded() ? Messages.format("logout.oldVersion", text) : text;
    }

    public String warning() {
        return Messages.get("logout.warning");
    }

    public String blockHelp() {
        return Messages.get("logout.block.help");
    }

    /** "Ends all 3 sessions of bob.aide, including 1 from an old app version." */
    private String allDevicesScope() {
        int total = userSessions.size();
        if (total == 1) {
            return Messages.format("logout.allDevices.none", session.username());
        }
        long old = userSessions.stream().filter(Session::superseded).count();
        return old > 0 ? Messages.format("logout.allDevices.scopeOld", total, session.username(), old)
                : Messages.format("logout.allDevices.scope", total, session.username());
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
        if (elsewhere == 0) {
            return here == 0 ? "" : Messages.format("logout.unsynced.here", here);
        }
        return here == 0
                ? Messages.format("logout.unsynced.elsewhere", elsewhere, session.username())
                : Messages.format("logout.unsynced.both", here, session.username(), elsewhere);
    }

    /** The one request of this dialog: Block implies all devices; a blank reason is none. */
    public LogoutRequest request() {
        String typed = reason.get() == null ? "" : reason.get().trim();
        return LogoutRequest.of(allDevices.get() || block.get(), block.get(), typed.isEmpty() ? null : typed);
    }

    /**
     * Sends the logout in the background. On success {@code onDone} gets the notification text; on
     * failure the dialog stays open with the message and nothing is claimed.
     */
    public void submit(Consumer<String> onDone) {
        if (busy.get()) {
            return;
        }
        LogoutRequest request = request();
        busy.set(true);
        errorMessage.set(null);
        context.runner().run(() -> service.logoutSession(session.id(), request), result -> {
            busy.set(false);
            onDone.accept(notificationFor(result));
        }, error -> {
            busy.set(false);
            errorMessage.set(error.message());
        });
    }

    /** What the server did, in words: "Signed out Bob Aide from 2 devices; account blocked". */
    public String notificationFor(LogoutResult result) {
        List<String> ended = result.endedSessionIds() == null ? List.of() : result.endedSessionIds();
        String name = displayName();
        if (ended.isEmpty()) {
            return result.blocked() ? Messages.format("logout.done.blockedNone", name) : Messages.format("logout.done.none", name);
        }
        String text;
        if (ended.size() == 1 && ended.get(0).equals(session.id())) {
            text = Messages.format("logout.done.one", name, join(" ", session.deviceModel(), "(" + session.application() + ")"));
        } else {
            int devices = devicesOf(ended);
            text = devices != ended.size() ? Messages.format("logout.done.devicesSessions", name, devices, ended.size())
                    : Messages.format("logout.done.devices", name, devices);
        }
        return result.blocked() ? Messages.format("logout.done.blocked", text) : text;
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

package com.sessiondesk.client.logout;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.client.common.ClientError;
import com.sessiondesk.client.common.DeliveryTexts;
import com.sessiondesk.client.common.FailureTranslator;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;

/**
 * The Logout User Account dialog's state and its one command, {@link #submit()}: one session (from
 * Active Sessions) or every session of a user (from User Accounts), optionally blocking the account.
 * Block always ends every session (decided here, in {@link #endsEverySession()}). The outcome is
 * what the server confirmed: when an answer does not come in time, the server is asked whether the
 * log out happened before anything is claimed; an admin who leaves a long wait gets the outcome as
 * a notification.
 */
public final class LogoutDialogViewModel {


    /** Log out after sync: the longest wait for the device's sync. */
    public static final int SYNC_MINUTES = 15;

    /** What the confirm button does (its text is in the dialog's FXML). */
    public enum Confirm { LOG_OUT, LOG_OUT_ALL_DEVICES, BLOCK_AND_LOG_OUT }

    private final Session session; // null when the dialog is about a user (User Accounts)
    private final String username;
    private final String name;
    private final int knownTotal;
    private final List<Session> userSessions;
    private final AdminService service;
    private final ViewContext context;
    private final Clock clock;

    private final BlockOptions blockOptions;
    private final BooleanProperty block;
    private final BooleanProperty allDevices = new SimpleBooleanProperty(this, "allDevices");
    private final BooleanProperty afterSync = new SimpleBooleanProperty(this, "afterSync");
    private final javafx.beans.binding.BooleanBinding afterSyncOffered;
    private final StringBinding warningText;
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper(this, "progressText", Messages.get("logout.busy"));
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final ReadOnlyObjectWrapper<LogoutOutcome> outcome = new ReadOnlyObjectWrapper<>(this, "outcome");
    private final ObservableBooleanValue allDevicesLocked;
    private final ObjectBinding<Confirm> confirm;
    private final StringBinding allDevicesHelp;
    private final StringBinding unsyncedWarning;
    private boolean allDevicesBeforeBlock;
    private boolean left;
    private java.util.function.Consumer<LogoutOutcome> onDone = outcome -> { };
    private Instant sentUntil;
    private int checkAttempts = 12;
    private Duration checkPause = Duration.ofSeconds(5);

    private LogoutDialogViewModel(Session session, String username, String name, int knownTotal,
                                  List<Session> userSessions, AdminService service, ViewContext context, Clock clock) {
        this.blockOptions = new BlockOptions(clock);
        this.block = blockOptions.blockProperty();
        this.session = session;
        this.username = username;
        this.name = name;
        this.userSessions = userSessions;
        this.knownTotal = Math.max(knownTotal, userSessions.size());
        this.service = service;
        this.context = context;
        this.clock = clock;
        boolean userTarget = session == null;
        allDevicesLocked = block.or(new SimpleBooleanProperty(userTarget));
        allDevices.set(userTarget);
        block.addListener((obs, was, now) -> {
            if (now) {
                allDevicesBeforeBlock = allDevices.get();
                allDevices.set(true);
            } else {
                allDevices.set(allDevicesBeforeBlock || userTarget);
            }
        });
        confirm = Bindings.createObjectBinding(() -> block.get() ? Confirm.BLOCK_AND_LOG_OUT
                : allDevices.get() ? Confirm.LOG_OUT_ALL_DEVICES : Confirm.LOG_OUT, block, allDevices);
        allDevicesHelp = Bindings.createStringBinding(
                () -> block.get() ? Messages.get("logout.block.allDevices") + " " + allDevicesScope() : allDevicesScope(), block);
        unsyncedWarning = Bindings.createStringBinding(this::unsyncedText, allDevices);
        afterSyncOffered = Bindings.createBooleanBinding(this::offersAfterSync, allDevices);
        warningText = Bindings.createStringBinding(() -> afterSyncChosen()
                        ? Messages.format("logout.afterSync.note", SYNC_MINUTES) : Messages.get("logout.warning"),
                afterSync, afterSyncOffered);
    }

    /**
     * Log out after sync is offered for a session (not already ending) when the devices it would log
     * out reported unsynced items; the immediate log out keeps the seed's warning.
     */
    private boolean offersAfterSync() {
        if (session == null || session.ending()) {
            return false;
        }
        return targetIds(endsEverySession()).stream().anyMatch(id -> userSessions.stream()
                .anyMatch(s -> s.id().equals(id) && s.pendingSyncItems() > 0));
    }

    private boolean afterSyncChosen() {
        return afterSync.get() && afterSyncOffered.get();
    }

    /**
     * The dialog for one session (Active Sessions).
     *
     * @param userSessions every active session of the same user the client knows, this one included
     */
    public static LogoutDialogViewModel forSession(Session session, List<Session> userSessions, AdminService service,
                                                   ViewContext context, Clock clock) {
        return new LogoutDialogViewModel(session, session.username(), session.name(), 0,
                withSession(userSessions, session), service, context, clock);
    }

    /**
     * The dialog for every session of a user (User Accounts): "Log out from all devices", or with
     * {@code block} checked, "Block and log out" (also for a user without sessions).
     */
    public static LogoutDialogViewModel forUser(User user, List<Session> userSessions, boolean block,
                                                AdminService service, ViewContext context, Clock clock) {
        LogoutDialogViewModel vm = new LogoutDialogViewModel(null, user.username(), user.name(),
                user.activeSessions(), List.copyOf(userSessions), service, context, clock);
        vm.block.set(block);
        return vm;
    }

    private static List<Session> withSession(List<Session> sessions, Session session) {
        List<Session> all = new ArrayList<>(sessions);
        if (all.stream().noneMatch(s -> s.id().equals(session.id()))) {
            all.add(session);
        }
        return List.copyOf(all);
    }

    /** How long to keep asking a server that did not answer (tests ask quickly). */
    void setChecks(int attempts, Duration pause) {
        this.checkAttempts = attempts;
        this.checkPause = pause;
    }

    /**
     * Runs after every confirmed log out, whether the dialog is still open or not, with what the
     * server did (the views remove the ended rows from it).
     */
    public void setOnDone(java.util.function.Consumer<LogoutOutcome> onDone) {
        this.onDone = onDone;
    }

    public String title() {
        return Messages.get("logout.title");
    }

    /** "Log out Bob Aide (bob.aide)?" */
    public String heading() {
        if (session != null) {
            return Messages.format("logout.heading", displayName(), username);
        }
        return Messages.format(knownTotal == 0 ? "logout.heading.block" : "logout.heading.allDevices", displayName(), username);
    }

    /** "Galaxy A54 · Android 14 — Caregiver 3.2.0", or for a user "3 active sessions". */
    public String sessionDescription() {
        if (session == null) {
            return Messages.format("logout.activeSessions", knownTotal);
        }
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

    /** The one rule: blocking ends every session, and so does "Log out from all devices". */
    public boolean endsEverySession() {
        return block.get() || allDevices.get();
    }

    /** "Ends all 3 sessions of bob.aide, including 1 from an old app version." */
    private String allDevicesScope() {
        if (knownTotal <= 1) {
            return knownTotal == 0 ? Messages.format("logout.allDevices.noSession", username)
                    : session != null ? Messages.format("logout.allDevices.none", username)
                    : Messages.format("logout.allDevices.one", username);
        }
        long old = userSessions.stream().filter(Session::superseded).count();
        return old > 0 ? Messages.format("logout.allDevices.scopeOld", knownTotal, username, old)
                : Messages.format("logout.allDevices.scope", knownTotal, username);
    }

    private String unsyncedText() {
        int here = session == null ? 0 : Math.max(0, session.pendingSyncItems());
        int elsewhere = 0;
        if (allDevices.get()) {
            for (Session other : userSessions) {
                if (session == null || !other.id().equals(session.id())) {
                    elsewhere += Math.max(0, other.pendingSyncItems());
                }
            }
        }
        if (session == null) {
            return elsewhere == 0 ? "" : Messages.format("logout.unsynced.user", elsewhere, username);
        }
        if (elsewhere == 0) {
            return here == 0 ? "" : Messages.format("logout.unsynced.here", here);
        }
        return here == 0
                ? Messages.format("logout.unsynced.elsewhere", elsewhere, username)
                : Messages.format("logout.unsynced.both", here, username, elsewhere);
    }

    /**
     * The one request of this dialog for a session: Block implies all devices (and may have an
     * end); a blank reason is none.
     */
    public LogoutRequest request() {
        boolean afterSync = afterSyncChosen();
        return new LogoutRequest(endsEverySession(), block.get(), typedReason(), blockOptions.until(),
                afterSync ? Boolean.TRUE : null, afterSync ? SYNC_MINUTES : null);
    }

    private String typedReason() {
        String typed = reason.get() == null ? "" : reason.get().trim();
        return typed.isEmpty() ? null : typed;
    }

    /**
     * The command: sends the log out in the background. The outcome (see {@link #outcomeProperty()})
     * is what the server confirmed; a failure keeps the dialog open with the message.
     */
    public void submit() {
        if (busy.get() || (outcome.get() != null && outcome.get().done()) || !blockOptions.validProperty().get()) {
            return;
        }
        LogoutRequest request = request();
        sentUntil = request.until();
        boolean everySession = endsEverySession();
        Set<String> targetIds = targetIds(everySession);
        Instant sentAt = clock.instant();
        busy.set(true);
        progressText.set(Messages.get("logout.busy"));
        errorMessage.set(null);
        context.runner().run(() -> send(request), result -> sent(result, everySession),
                error -> sendFailed(error, request, targetIds, sentAt));
    }

    private LogoutResult send(LogoutRequest request) throws Exception {
        if (session != null) {
            return service.logoutSession(session.id(), request);
        }
        if (request.block()) {
            service.blockUser(username, request.reason(), request.until());
            List<String> ended = new ArrayList<>();
            userSessions.forEach(s -> ended.add(s.id()));
            return new LogoutResult(ended, true);
        }
        return service.logoutUser(username, request.reason());
    }

    private Set<String> targetIds(boolean everySession) {
        Set<String> ids = new HashSet<>();
        if (session != null && !everySession) {
            ids.add(session.id());
        } else {
            userSessions.forEach(s -> ids.add(s.id()));
        }
        return ids;
    }

    private void sent(LogoutResult result, boolean everySession) {
        if (result.endingSessionIds() != null && !result.endingSessionIds().isEmpty()) {
            finish(outcomeOf(result, notificationFor(result)));
            followDeliveries(result.endingSessionIds(), notificationFor(result));
            return;
        }
        if (session != null && !everySession && result.endedSessionIds().isEmpty()) {
            // Nothing ended: this session had ended before. Say when and by whom, not "no session left".
            context.runner().run(this::alreadyEnded, text -> finish(outcomeOf(result, text)),
                    error -> finish(outcomeOf(result, Messages.get("logout.alreadyEnded"))));
            return;
        }
        finish(outcomeOf(result, notificationFor(result)));
        followDeliveries(result.endedSessionIds(), notificationFor(result));
    }

    private LogoutOutcome outcomeOf(LogoutResult result, String message) {
        List<String> ended = result.endedSessionIds() == null ? List.of() : List.copyOf(result.endedSessionIds());
        return new LogoutOutcome(true, message, ended, result.blocked(), result.blocked() ? sentUntil : null);
    }

    /** How long the notification waits for the devices to be told before saying how many were. */
    private Duration deliveryWait = Duration.ofSeconds(3);

    void setDeliveryWait(Duration wait) {
        this.deliveryWait = wait;
    }

    /**
     * Once the devices have been told (or after a few seconds), the notification says how many:
     * "Signed out Bob Aide from 3 devices · Delivered to 2 of 3 devices". Only with a server that
     * records deliveries; nothing more is said otherwise.
     */
    private void followDeliveries(List<String> sessionIds, String message) {
        if (sessionIds == null || sessionIds.isEmpty() || !service.tracksDeliveries()) {
            return;
        }
        context.runner().run(() -> awaitDeliveries(sessionIds), told -> {
            if (told != null) {
                context.notifier().accept(DeliveryTexts.deliveredTo(message, told[0], told[1]));
            }
        }, error -> { });
    }

    /** {told, total} of the newest audit event that lists these sessions, waiting while some are not told; null without delivery data. */
    private int[] awaitDeliveries(List<String> sessionIds) throws Exception {
        long giveUp = System.nanoTime() + deliveryWait.toNanos();
        int[] told = null;
        do {
            told = null;
            for (AuditEvent event : service.auditOf(username, 20)) {
                if (event.deliveries() != null && event.sessionIds() != null
                        && event.sessionIds().containsAll(sessionIds)) {
                    int delivered = (int) event.deliveries().stream().filter(d -> d.deliveredAt() != null).count();
                    told = new int[] {delivered, event.deliveries().size()};
                    break;
                }
            }
            if (told == null || told[0] == told[1]) {
                return told;
            }
            Thread.sleep(250);
        } while (System.nanoTime() < giveUp);
        return told;
    }

    /** "This session had already ended: logged out by admin at 3:04 PM". */
    private String alreadyEnded() throws Exception {
        for (AuditEvent event : service.auditOf(username, 100)) {
            if (event.sessionIds() != null && event.sessionIds().contains(session.id())) {
                return Messages.format("logout.alreadyEnded.by", endedBy(event));
            }
        }
        return Messages.get("logout.alreadyEnded.itself");
    }

    private String endedBy(AuditEvent event) {
        String who = event.actor() != null && event.actor().equals(service.admin().username())
                ? Messages.format("logout.endedBy.you", event.actor()) : event.actor();
        String key = "block".equals(event.action()) ? "logout.endedBy.block" : "logout.endedBy.logout";
        return Messages.format(key, who, Formats.shortDateTime(event.at(), clock.instant()));
    }

    private void sendFailed(ClientError error, LogoutRequest request, Set<String> targetIds, Instant sentAt) {
        if (context.handledGlobally(error)) {
            finish(new LogoutOutcome(false, error.message()));
            return;
        }
        if (!(error instanceof ClientError.Unreachable unreachable) || !unreachable.requestMayHaveArrived()) {
            finish(new LogoutOutcome(false, error.message())); // the server did not act on this request
            return;
        }
        // The request may have arrived: ask the server what the state is before saying anything.
        progressText.set(Messages.get("logout.checking"));
        context.runner().run(() -> verify(request, targetIds), this::finish, checkError -> finish(new LogoutOutcome(false,
                Messages.get("logout.unknown"))));
    }

    /** In the background: asks (repeatedly, while the server is unreachable) whether the log out took effect. */
    private LogoutOutcome verify(LogoutRequest request, Set<String> targetIds) throws Exception {
        Exception last = null;
        boolean stillActiveOnce = false;
        for (int attempt = 0; attempt < checkAttempts; attempt++) {
            if (attempt > 0) {
                Thread.sleep(checkPause.toMillis());
            }
            try {
                Set<String> active = new HashSet<>();
                service.sessionsOf(username).forEach(s -> active.add(s.id()));
                List<String> ended = new ArrayList<>();
                for (String id : targetIds) {
                    if (!active.contains(id)) {
                        ended.add(id);
                    }
                }
                boolean blocked = !request.block() || service.users(true).stream().anyMatch(u -> u.username().equals(username));
                boolean allEnded = session == null ? active.isEmpty() : ended.size() == targetIds.size();
                if (allEnded && blocked) {
                    LogoutResult late = new LogoutResult(ended, request.block());
                    return outcomeOf(late, Messages.format("logout.doneLate", notificationFor(late)));
                }
                if (stillActiveOnce) {
                    return new LogoutOutcome(false, Messages.format("logout.notDone", displayName()));
                }
                stillActiveOnce = true; // the delayed request may still be in progress: ask once more
            } catch (Exception e) {
                if (!(FailureTranslator.translate(e) instanceof ClientError.Unreachable)) {
                    throw e;
                }
                last = e;
            }
        }
        throw last != null ? last : new IllegalStateException("no answer");
    }

    private void finish(LogoutOutcome result) {
        busy.set(false);
        progressText.set(Messages.get("logout.busy"));
        outcome.set(result);
        if (result.done()) {
            context.notifier().accept(result.message());
            onDone.accept(result);
        } else if (left) {
            context.notifier().accept(result.message());
        } else {
            errorMessage.set(result.message());
        }
    }

    /** The admin closed the dialog while the server was still working: the outcome comes as a notification. */
    public void leave() {
        left = true;
    }

    /** What the server did, in words: "Signed out Bob Aide from 2 devices; account blocked". */
    public String notificationFor(LogoutResult result) {
        if (result.endingSessionIds() != null && !result.endingSessionIds().isEmpty()) {
            String text = Messages.format("logout.done.afterSync", displayName(), devicesOf(result.endingSessionIds()),
                    Formats.compactDateTime(result.syncDeadline(), clock.instant()));
            return result.blocked() ? blocked(text) : text;
        }
        List<String> ended = result.endedSessionIds() == null ? List.of() : result.endedSessionIds();
        String name = displayName();
        if (ended.isEmpty() && session == null && result.blocked() && knownTotal > 0) {
            return Messages.format("logout.done.blockedAll", name);
        }
        if (ended.isEmpty()) {
            return result.blocked() ? Messages.format("logout.done.blockedNone", name) : Messages.format("logout.done.none", name);
        }
        String text;
        if (session != null && ended.size() == 1 && ended.get(0).equals(session.id())) {
            text = Messages.format("logout.done.one", name, join(" ", session.deviceModel(), "(" + session.application() + ")"));
        } else {
            int devices = devicesOf(ended);
            text = devices != ended.size() ? Messages.format("logout.done.devicesSessions", name, devices, ended.size())
                    : Messages.format("logout.done.devices", name, devices);
        }
        return result.blocked() ? blocked(text) : text;
    }

    /** "…; account blocked", with the block's end when it has one. */
    private String blocked(String text) {
        return sentUntil == null ? Messages.format("logout.done.blocked", text)
                : Messages.format("logout.done.blockedUntil", text, Formats.dateTime(sentUntil));
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
        return Formats.displayName(name, username);
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

    public String username() {
        return username;
    }

    /** Whether to block and until when. */
    public BlockOptions blockOptions() {
        return blockOptions;
    }

    /** The end of the block the request asked for (null: none, or until unblocked). */
    public Instant sentUntil() {
        return sentUntil;
    }

    public BooleanProperty blockProperty() {
        return block;
    }

    public BooleanProperty allDevicesProperty() {
        return allDevices;
    }

    /** The after-sync choice (only sent when offered). */
    public BooleanProperty afterSyncProperty() {
        return afterSync;
    }

    /** True when the devices to log out reported unsynced items: "Log out after the device has synced" is shown. */
    public javafx.beans.binding.BooleanBinding afterSyncOffered() {
        return afterSyncOffered;
    }

    /** The seed's warning for the immediate log out; what happens instead after sync. */
    public StringBinding warningText() {
        return warningText;
    }

    /** "Log out from all devices" cannot be unchecked while Block is checked, nor for a user. */
    public ObservableBooleanValue allDevicesLocked() {
        return allDevicesLocked;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** "Logging out…", or while asking a server that did not answer, what the client is doing. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** Set once the server confirmed (done) or refused; the dialog closes on a done outcome. */
    public ReadOnlyObjectProperty<LogoutOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ObjectBinding<Confirm> confirm() {
        return confirm;
    }

    public StringBinding allDevicesHelp() {
        return allDevicesHelp;
    }

    public StringBinding unsyncedWarning() {
        return unsyncedWarning;
    }
}

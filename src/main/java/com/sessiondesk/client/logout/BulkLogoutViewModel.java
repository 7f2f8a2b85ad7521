package com.sessiondesk.client.logout;

import com.sessiondesk.api.BulkLogoutRequest;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One confirmation for many sessions ("Log out selected", "End old app-version sessions"): what
 * will happen before it happens (sessions, users, devices, old app versions, unsynced items that
 * will be lost), the Block options, and one {@code POST /api/v1/sessions/logout}.
 */
public final class BulkLogoutViewModel {

    /** What a set of sessions amounts to, as the confirmation shows it. */
    public record Scope(int sessions, int users, int devices, int oldVersions, int unsyncedItems) {

        static Scope of(List<Session> sessions) {
            Set<String> users = new HashSet<>();
            Set<String> devices = new HashSet<>();
            int old = 0;
            int unsynced = 0;
            for (Session s : sessions) {
                users.add(s.username());
                devices.add(s.deviceId() != null ? "device:" + s.deviceId() : "session:" + s.id());
                old += s.superseded() ? 1 : 0;
                unsynced += Math.max(0, s.pendingSyncItems());
            }
            return new Scope(sessions.size(), users.size(), devices.size(), old, unsynced);
        }

        /** "12 sessions of 9 users on 10 devices, 3 of them from an old app version." */
        String describe() {
            if (oldVersions == 0) {
                return Messages.format("bulk.scope", sessions, users, devices);
            }
            return oldVersions == sessions ? Messages.format("bulk.scope.allOld", sessions, users, devices)
                    : Messages.format("bulk.scope.someOld", sessions, users, devices, oldVersions);
        }
    }

    private final String title;
    private final List<Session> selected;
    private final List<Session> ofTheirUsers;
    private final AdminService service;
    private final ViewContext context;
    private final BlockOptions blockOptions;
    private final StringProperty reason = new SimpleStringProperty(this, "reason", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    private final StringBinding scopeText;
    private final StringBinding unsyncedWarning;
    private final AfterSyncOption afterSync;
    private Instant sentUntil;

    /**
     * @param selected the sessions to end
     * @param allSessions every active session the client knows (a block ends all of the users' sessions)
     */
    public BulkLogoutViewModel(String title, List<Session> selected, List<Session> allSessions, AdminService service,
            ViewContext context, Clock clock) {
        this.title = title;
        this.selected = List.copyOf(selected);
        this.service = service;
        this.context = context;
        this.blockOptions = new BlockOptions(clock);
        Set<String> users = new HashSet<>();
        for (Session s : selected) {
            users.add(s.username());
        }
        Set<String> ids = new HashSet<>();
        List<Session> theirs = new ArrayList<>(this.selected);
        this.selected.forEach(s -> ids.add(s.id()));
        for (Session s : allSessions) {
            if (users.contains(s.username()) && ids.add(s.id())) {
                theirs.add(s);
            }
        }
        this.ofTheirUsers = List.copyOf(theirs);
        scopeText = Bindings.createStringBinding(this::describeScope, blockOptions.blockProperty());
        unsyncedWarning = Bindings.createStringBinding(() -> {
            int items = scope().unsyncedItems();
            return items == 0 ? "" : Messages.format("bulk.unsynced", items);
        }, blockOptions.blockProperty());
        // As in the dialog for one session: offered when the sessions it ends have unsynced work.
        afterSync = new AfterSyncOption(() -> scope().unsyncedItems() > 0,
                () -> Messages.format("bulk.warning", scope().users()), blockOptions.blockProperty());
    }

    /** The sessions that will end: the selection, or with Block every session of their users. */
    public Scope scope() {
        return Scope.of(blockOptions.isBlock() ? ofTheirUsers : selected);
    }

    private String describeScope() {
        if (blockOptions.isBlock()) {
            return Messages.format("bulk.blocks", scope().users(), scope().describe());
        }
        return Messages.format("bulk.ends", scope().describe());
    }

    public String title() {
        return title;
    }

    /** "Log out 12 sessions?" */
    public String heading() {
        return Messages.format("bulk.heading", selected.size());
    }

    public String confirmText() {
        return Messages.format("bulk.confirm", selected.size());
    }

    /** The one request: the selected ids, Block and its end, the reason (blank: none). */
    public BulkLogoutRequest request() {
        List<String> ids = new ArrayList<>(selected.size());
        selected.forEach(s -> ids.add(s.id()));
        String typed = reason.get() == null ? "" : reason.get().trim();
        boolean afterSyncChosen = afterSync.isChosen();
        return new BulkLogoutRequest(ids, blockOptions.isBlock(), typed.isEmpty() ? null : typed, blockOptions.until(),
                afterSyncChosen ? Boolean.TRUE : null, afterSyncChosen ? AfterSyncOption.SYNC_MINUTES : null);
    }

    /** Sends the request; {@code onDone} gets the server's result. On failure the dialog stays open with why. */
    public void submit(Consumer<BulkLogoutResult> onDone) {
        if (busy.get() || !blockOptions.validProperty().get()) {
            return;
        }
        BulkLogoutRequest request = request();
        sentUntil = request.until();
        busy.set(true);
        errorMessage.set(null);
        context.runner().run(() -> service.logoutSessions(request), result -> {
            busy.set(false);
            onDone.accept(result);
        }, error -> {
            busy.set(false);
            if (!context.handledGlobally(error)) {
                errorMessage.set(error.message());
            }
        });
    }

    /** What the server did: "Signed out 12 sessions of 9 users; blocked 9 accounts until …; 2 had already ended". */
    public String notificationFor(BulkLogoutResult result) {
        List<String> ending = result.endingSessionIds() == null ? List.of() : result.endingSessionIds();
        List<String> ended = result.endedSessionIds() == null ? List.of() : result.endedSessionIds();
        List<String> blocked = result.blockedUsernames() == null ? List.of() : result.blockedUsernames();
        List<String> skipped = result.skippedSessionIds() == null ? List.of() : result.skippedSessionIds();
        Set<String> endedIds = new HashSet<>(ended);
        Set<String> users = new HashSet<>();
        for (Session s : ofTheirUsers) {
            if (endedIds.contains(s.id())) {
                users.add(s.username());
            }
        }
        String text = !ending.isEmpty() && result.syncDeadline() != null
                ? Messages.format("bulk.done.afterSync", ending.size(), Formats.time(result.syncDeadline()))
                : ended.isEmpty() ? Messages.get("bulk.done.none")
                : users.isEmpty() ? Messages.format("bulk.done", ended.size())
                : Messages.format("bulk.done.users", ended.size(), users.size());
        if (!blocked.isEmpty()) {
            text += sentUntil == null ? Messages.format("bulk.done.blocked", blocked.size())
                    : Messages.format("bulk.done.blockedUntil", blocked.size(), Formats.dateTime(sentUntil));
        }
        if (!skipped.isEmpty()) {
            text += Messages.format("bulk.done.skipped", skipped.size());
        }
        return text;
    }

    /** The end of the block the last request asked for (null: none, or until unblocked). */
    public Instant sentUntil() {
        return sentUntil;
    }

    public BlockOptions blockOptions() {
        return blockOptions;
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

    public StringBinding scopeText() {
        return scopeText;
    }

    public StringBinding unsyncedWarning() {
        return unsyncedWarning;
    }

    /** "Log out after the device has synced": offered, chosen, and the warning it changes. */
    public AfterSyncOption afterSync() {
        return afterSync;
    }

    /** Enter in the reason field confirms once a reason is typed (as in the dialog for one session). */
    public boolean hasReason() {
        return reason.get() != null && !reason.get().isBlank();
    }

    public BooleanProperty blockProperty() {
        return blockOptions.blockProperty();
    }

    public List<Session> selected() {
        return selected;
    }
}

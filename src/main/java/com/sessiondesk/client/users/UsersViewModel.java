package com.sessiondesk.client.users;

import com.sessiondesk.api.User;
import com.sessiondesk.client.common.ClientError;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.LoadState;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
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

/** User Accounts: every user with their sessions and block state; unblock and log out everywhere. */
public final class UsersViewModel {

    private final ViewContext context;
    private final LoadState state;
    private final ToIntFunction<String> unsyncedItemsOf;
    private AdminService service;

    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final FilteredList<User> shown = new FilteredList<>(users);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final BooleanProperty blockedOnly = new SimpleBooleanProperty(this, "blockedOnly");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");

    /** @param unsyncedItemsOf unsynced items a user's sessions reported (for the warning) */
    public UsersViewModel(ViewContext context, Clock clock, ToIntFunction<String> unsyncedItemsOf) {
        this.context = context;
        this.state = new LoadState(clock);
        this.unsyncedItemsOf = unsyncedItemsOf;
        searchText.addListener((obs, old, now) -> applyFilter());
        blockedOnly.addListener((obs, old, now) -> applyFilter());
        shown.addListener((ListChangeListener<User>) change -> updateCount());
        updateCount();
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
        context.load(state, () -> current.users(null), loaded -> users.setAll(loaded), () -> !users.isEmpty());
    }

    /** Asks for confirmation, then unblocks: the user can log in to the mobile apps again. */
    public void unblock(User user) {
        if (service == null || user == null || !user.blocked()) {
            return;
        }
        boolean confirmed = context.dialogs().confirm(Messages.get("users.unblock.title"),
                Messages.format("users.unblock.header", displayName(user), user.username()),
                Messages.get("users.unblock.content"), Messages.get("users.unblock"));
        if (!confirmed) {
            return;
        }
        context.runner().run(() -> service.unblockUser(user.username()), unblocked -> {
            context.notifier().accept(Messages.format("users.unblocked", displayName(user)));
            refresh();
        }, this::actionFailed);
    }

    /** Asks for confirmation (with the unsynced-work warning and a reason), then ends every session. */
    public void logOutEverywhere(User user) {
        if (service == null || user == null) {
            return;
        }
        int unsynced = unsyncedItemsOf.applyAsInt(user.username());
        String warning = Messages.get("logout.warning")
                + (unsynced > 0 ? "\n\n" + Messages.format("users.logoutAll.unsynced", unsynced) : "");
        var reason = context.dialogs().confirmWithReason(Messages.get("users.logoutAll.title"),
                Messages.format("users.logoutAll.header", displayName(user), user.username(), user.activeSessions()),
                warning, Messages.get("logout.button"));
        if (reason.isEmpty()) {
            return;
        }
        String typed = reason.get().trim();
        context.runner().run(() -> service.logoutUser(user.username(), typed.isEmpty() ? null : typed), result -> {
            int ended = result.endedSessionIds().size();
            context.notifier().accept(Messages.format("users.signedOut", displayName(user), ended));
            refresh();
        }, this::actionFailed);
    }

    /** A failed unblock or log out: shown in the banner, the list stays as it is. */
    private void actionFailed(ClientError error) {
        if (!context.handledGlobally(error)) {
            state.showError(error.message());
        }
    }

    private void applyFilter() {
        String query = searchText.get() == null ? "" : searchText.get().trim().toLowerCase(Locale.ROOT);
        boolean onlyBlocked = blockedOnly.get();
        shown.setPredicate(user -> (!onlyBlocked || user.blocked())
                && (query.isEmpty() || contains(user.username(), query) || contains(user.name(), query)));
    }

    private static boolean contains(String text, String lowercaseQuery) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(lowercaseQuery);
    }

    private void updateCount() {
        long blocked = shown.stream().filter(User::blocked).count();
        countText.set(Messages.format("users.count", shown.size(), blocked));
    }

    static String displayName(User user) {
        return Formats.displayName(user.name(), user.username());
    }

    public ObservableList<User> shown() {
        return shown;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public BooleanProperty blockedOnlyProperty() {
        return blockedOnly;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public LoadState state() {
        return state;
    }
}

package com.sessiondesk.client.users;

import com.sessiondesk.api.User;
import com.sessiondesk.client.common.ClientError;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.LoadState;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.logout.BlockOptions;
import com.sessiondesk.client.logout.LogoutDialogViewModel;
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
    private final Clock clock;
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
        this.clock = clock;
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
        boolean confirmed = context.dialogs().confirm("Unblock user account",
                "Unblock " + displayName(user) + " (" + user.username() + ")?",
                "They can log in to the mobile apps again with their username and password.", "Unblock");
        if (!confirmed) {
            return;
        }
        context.runner().run(() -> service.unblockUser(user.username()), unblocked -> {
            context.notifier().accept("Unblocked " + displayName(user) + "; they can log in again");
            refresh();
        }, this::actionFailed);
    }

    /**
     * Asks until when (1 hour, end of day, 1 week, a date, or until unblocked) and why, then blocks:
     * every session of the user ends and they cannot log in until then.
     */
    public void block(User user) {
        if (service == null || user == null || user.blocked()) {
            return;
        }
        BlockOptions options = new BlockOptions(clock);
        options.blockProperty().set(true);
        int unsynced = unsyncedItemsOf.applyAsInt(user.username());
        String warning = "Blocking ends every session of " + user.username() + ". " + LogoutDialogViewModel.WARNING
                + (unsynced > 0 ? "\n\nTheir devices report " + Formats.count(unsynced, "unsynced item", "unsynced items") + "." : "");
        var reason = context.dialogs().confirmBlock("Block user account",
                "Block " + displayName(user) + " (" + user.username() + ")?", warning, options);
        if (reason.isEmpty()) {
            return;
        }
        String typed = reason.get().trim();
        java.time.Instant until = options.until();
        context.runner().run(() -> service.blockUser(user.username(), typed.isEmpty() ? null : typed, until), blocked -> {
            context.notifier().accept("Blocked " + displayName(user)
                    + (until == null ? " until unblocked" : " until " + Formats.dateTime(until)));
            refresh();
        }, this::actionFailed);
    }

    /** Asks for confirmation (with the unsynced-work warning and a reason), then ends every session. */
    public void logOutEverywhere(User user) {
        if (service == null || user == null) {
            return;
        }
        int unsynced = unsyncedItemsOf.applyAsInt(user.username());
        String warning = LogoutDialogViewModel.WARNING
                + (unsynced > 0 ? "\n\nTheir devices report " + Formats.count(unsynced, "unsynced item", "unsynced items") + "." : "");
        var reason = context.dialogs().confirmWithReason("Log out from all devices",
                "Log out " + displayName(user) + " (" + user.username() + ") from all "
                        + Formats.count(user.activeSessions(), "session", "sessions") + "?",
                warning, "Log out");
        if (reason.isEmpty()) {
            return;
        }
        String typed = reason.get().trim();
        context.runner().run(() -> service.logoutUser(user.username(), typed.isEmpty() ? null : typed), result -> {
            int ended = result.endedSessionIds().size();
            context.notifier().accept("Signed out " + displayName(user) + " from "
                    + Formats.count(ended, "session", "sessions"));
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
        countText.set(Formats.count(shown.size(), "user", "users") + " · " + blocked + " blocked");
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

package com.sessiondesk.client.users;

import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.client.common.ClientError;
import com.sessiondesk.client.common.Formats;
import com.sessiondesk.client.common.LoadState;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.common.ViewContext;
import com.sessiondesk.client.logout.LogoutDialogViewModel;
import com.sessiondesk.client.logout.LogoutDialogs;
import com.sessiondesk.client.service.AdminService;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
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
 * User Accounts: every user with their sessions and block state; log out everywhere and block
 * (the Logout User Account dialog, as in Active Sessions), and unblock.
 */
public final class UsersViewModel implements com.sessiondesk.client.common.ListViewModel<User> {

    private final ViewContext context;
    private final Clock clock;
    private final LoadState state;
    private final Function<String, List<Session>> sessionsOf;
    private final LogoutDialogs logoutDialogs;
    private AdminService service;

    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final FilteredList<User> shown = new FilteredList<>(users);
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final BooleanProperty blockedOnly = new SimpleBooleanProperty(this, "blockedOnly");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper(this, "countText", "");
    private final ReadOnlyStringWrapper placeholderText = new ReadOnlyStringWrapper(this, "placeholderText", "");

    /** @param sessionsOf a user's active sessions as Active Sessions last loaded them (for the dialog's warnings) */
    public UsersViewModel(ViewContext context, Clock clock, Function<String, List<Session>> sessionsOf,
                          LogoutDialogs logoutDialogs) {
        this.context = context;
        this.clock = clock;
        this.state = new LoadState(clock);
        this.sessionsOf = sessionsOf;
        this.logoutDialogs = logoutDialogs;
        searchText.addListener((obs, old, now) -> applyFilter());
        blockedOnly.addListener((obs, old, now) -> applyFilter());
        shown.addListener((ListChangeListener<User>) change -> updateCount());
        updateCount();
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
        context.load(state, () -> current.users(null), loaded -> users.setAll(loaded), () -> !users.isEmpty());
    }

    /** Asks for confirmation, then unblocks: the user can log in to the mobile apps again. */
    public void unblock(User user) {
        if (service == null) {
            return;
        }
        if (user == null || !user.blocked()) { // Ctrl+U on no row or an active one: say why nothing happens
            context.notifier().accept(user == null ? Messages.get("users.noSelection")
                    : Messages.format("users.unblock.notBlocked", user.username()));
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

    /** The Logout User Account dialog for every session of the user ("Log out from all devices"). */
    public void logOutEverywhere(User user) {
        if (user != null && user.activeSessions() > 0) {
            openLogoutDialog(user, false);
        }
    }

    /** The same dialog with Block checked: blocks any user, with or without active sessions. */
    public void block(User user) {
        if (canBlock(user)) {
            openLogoutDialog(user, true);
        } else if (service != null) { // Ctrl+B that cannot act: say why
            context.notifier().accept(user == null ? Messages.get("users.noSelection")
                    : user.blocked() ? Messages.format("users.block.already", user.username())
                    : Messages.get("users.block.self"));
        }
    }

    /** Any user who is not blocked yet, except the admin signed in here (who would lock themselves out). */
    public boolean canBlock(User user) {
        return user != null && !user.blocked()
                && (service == null || !user.username().equals(service.admin().username()));
    }

    private void openLogoutDialog(User user, boolean block) {
        if (service == null || user == null) {
            return;
        }
        LogoutDialogViewModel dialog = LogoutDialogViewModel.forUser(user, sessionsOf.apply(user.username()), block,
                service, context, clock);
        dialog.setOnDone(outcome -> refresh());
        logoutDialogs.show(dialog);
    }

    /** Signed out or switched server: the old server's search does not carry over. */
    public void disconnect() {
        service = null;
        state.reset();
        users.clear();
        searchText.set("");
        blockedOnly.set(false);
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
        placeholderText.set(Messages.get(users.isEmpty() ? (state.isLoading() ? "users.loading" : "users.placeholder.none")
                : "users.placeholder"));
    }

    static String displayName(User user) {
        return Formats.displayName(user.name(), user.username());
    }

    @Override
    public ObservableList<User> shown() {
        return shown;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public BooleanProperty blockedOnlyProperty() {
        return blockedOnly;
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

package com.sessiondesk.client.service;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.AuditList;
import com.sessiondesk.api.BulkLogoutRequest;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.SessionChanges;
import com.sessiondesk.api.SessionList;
import com.sessiondesk.api.User;
import com.sessiondesk.api.UserIdentity;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An {@link AdminService} whose first session list and first list of blocked users were fetched
 * ahead, while the window was still being built (start-up of the built-in service). Every later
 * call goes to the server; so does a first call whose fetch-ahead failed.
 */
final class PrefetchedAdminService implements AdminService {

    private final AdminService delegate;
    private CompletableFuture<SessionList> firstSessions;
    private CompletableFuture<List<User>> firstBlockedUsers;

    /** {@code firstBlockedUsers} may be null (not fetched ahead). */
    PrefetchedAdminService(AdminService delegate, CompletableFuture<SessionList> firstSessions,
            CompletableFuture<List<User>> firstBlockedUsers) {
        this.delegate = delegate;
        this.firstSessions = firstSessions;
        this.firstBlockedUsers = firstBlockedUsers;
    }

    @Override
    public SessionList sessions() throws Exception {
        CompletableFuture<SessionList> first;
        synchronized (this) {
            first = firstSessions;
            firstSessions = null;
        }
        SessionList early = resultOf(first);
        return early != null ? early : delegate.sessions();
    }

    @Override
    public SessionChanges changes(String cursor) throws Exception {
        return delegate.changes(cursor);
    }

    @Override
    public void followChanges(String cursor, java.util.function.Consumer<SessionChanges> onChanges) throws Exception {
        delegate.followChanges(cursor, onChanges);
    }

    @Override
    public BulkLogoutResult logoutSessions(BulkLogoutRequest request) throws Exception {
        return delegate.logoutSessions(request);
    }

    @Override
    public User blockUser(String username, String reason, Instant until) throws Exception {
        return delegate.blockUser(username, reason, until);
    }

    @Override
    public UserIdentity admin() {
        return delegate.admin();
    }

    @Override
    public String serverLabel() {
        return delegate.serverLabel();
    }

    @Override
    public LogoutResult logoutSession(String sessionId, LogoutRequest request) throws Exception {
        return delegate.logoutSession(sessionId, request);
    }

    @Override
    public List<User> users(Boolean blocked) throws Exception {
        CompletableFuture<List<User>> first = null;
        if (Boolean.TRUE.equals(blocked)) {
            synchronized (this) {
                first = firstBlockedUsers;
                firstBlockedUsers = null;
            }
        }
        List<User> early = resultOf(first);
        return early != null ? early : delegate.users(blocked);
    }

    /** What the fetch-ahead brought; null if there was none or it failed (then the server is asked again). */
    private static <T> T resultOf(CompletableFuture<T> fetchedAhead) {
        if (fetchedAhead == null) {
            return null;
        }
        try {
            return fetchedAhead.join();
        } catch (CompletionException e) {
            return null;
        }
    }

    @Override
    public LogoutResult logoutUser(String username, String reason) throws Exception {
        return delegate.logoutUser(username, reason);
    }

    @Override
    public User unblockUser(String username) throws Exception {
        return delegate.unblockUser(username);
    }

    @Override
    public List<AuditEvent> audit(int limit) throws Exception {
        return delegate.audit(limit);
    }

    @Override
    public AuditList auditPage(boolean security, String before, int limit) throws Exception {
        return delegate.auditPage(security, before, limit);
    }

    @Override
    public int changePassword(String currentPassword, String newPassword) throws Exception {
        return delegate.changePassword(currentPassword, newPassword);
    }

    @Override
    public List<Session> sessionsOf(String username) throws Exception {
        return delegate.sessionsOf(username);
    }

    @Override
    public boolean tracksDeliveries() {
        return delegate.tracksDeliveries();
    }

    @Override
    public List<AuditEvent> auditOf(String username, int limit) throws Exception {
        return delegate.auditOf(username, limit);
    }

    @Override
    public com.sessiondesk.api.DeviceBlockResult blockDevice(String deviceId, String reason, Instant until) throws Exception {
        return delegate.blockDevice(deviceId, reason, until);
    }

    @Override
    public void unblockDevice(String deviceId) throws Exception {
        delegate.unblockDevice(deviceId);
    }

    @Override
    public List<com.sessiondesk.api.DeviceBlock> blockedDevices() throws Exception {
        return delegate.blockedDevices();
    }

    @Override
    public List<com.sessiondesk.api.Alert> alerts() throws Exception {
        return delegate.alerts();
    }

    @Override
    public com.sessiondesk.api.Alert acknowledgeAlert(long id) throws Exception {
        return delegate.acknowledgeAlert(id);
    }

    @Override
    public void signOut() throws Exception {
        delegate.signOut();
    }
}

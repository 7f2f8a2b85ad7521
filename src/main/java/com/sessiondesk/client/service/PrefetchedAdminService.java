package com.sessiondesk.client.service;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.api.UserIdentity;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * An {@link AdminService} whose first session list was fetched ahead, while the window was still
 * being built (start-up of the built-in service). Every later call goes to the server.
 */
final class PrefetchedAdminService implements AdminService {

    private final AdminService delegate;
    private CompletableFuture<List<Session>> firstSessions;

    PrefetchedAdminService(AdminService delegate, CompletableFuture<List<Session>> firstSessions) {
        this.delegate = delegate;
        this.firstSessions = firstSessions;
    }

    @Override
    public List<Session> sessions() throws Exception {
        CompletableFuture<List<Session>> first;
        synchronized (this) {
            first = firstSessions;
            firstSessions = null;
        }
        if (first != null) {
            try {
                return first.join();
            } catch (CompletionException e) {
                // the early fetch failed: ask again, and let that answer speak
            }
        }
        return delegate.sessions();
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
        return delegate.users(blocked);
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
    public void signOut() throws Exception {
        delegate.signOut();
    }
}

package com.sessiondesk.client.service;

import com.sessiondesk.api.AuditEvent;
import com.sessiondesk.api.LogoutRequest;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.Session;
import com.sessiondesk.api.User;
import com.sessiondesk.api.UserIdentity;
import java.util.List;

/**
 * What the signed-in admin can do, as blocking calls (run them through a TaskRunner). Failures are
 * thrown as they come (HttpException, IOException, ...) for the FailureTranslator.
 */
public interface AdminService {

    /** The admin signed in. */
    UserIdentity admin();

    /** A label for where the data comes from, e.g. "Built-in demo service" or the server's host. */
    String serverLabel();

    List<Session> sessions() throws Exception;

    /** The active sessions of one account (exact username). */
    List<Session> sessionsOf(String username) throws Exception;

    LogoutResult logoutSession(String sessionId, LogoutRequest request) throws Exception;

    /** @param blocked null for all users, true for blocked ones only */
    List<User> users(Boolean blocked) throws Exception;

    LogoutResult logoutUser(String username, String reason) throws Exception;

    User unblockUser(String username) throws Exception;

    /** Blocks the account and ends every one of its sessions. */
    User blockUser(String username, String reason) throws Exception;

    List<AuditEvent> audit(int limit) throws Exception;

    /** The newest events about one account. */
    List<AuditEvent> auditOf(String username, int limit) throws Exception;

    /**
     * Changes the signed-in super user's password (the server checks the current one; the user's
     * other admin sessions end).
     */
    default void changePassword(String currentPassword, String newPassword) throws Exception {
        throw new UnsupportedOperationException("this service cannot change passwords");
    }

    /** Ends the admin token on the server. */
    void signOut() throws Exception;
}

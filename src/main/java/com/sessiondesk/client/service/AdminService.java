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

/**
 * What the signed-in admin can do, as blocking calls (run them through a TaskRunner). Failures are
 * thrown as they come (HttpException, IOException, ...) for the FailureTranslator.
 */
public interface AdminService {

    /** The admin signed in. */
    UserIdentity admin();

    /** A label for where the data comes from, e.g. "Built-in demo service" or the server's host. */
    String serverLabel();

    /** The active sessions and the cursor of the change feed at that moment. */
    SessionList sessions() throws Exception;

    /** What changed since a cursor; a cursor too old fails as {@code ClientError.CursorExpired}. */
    SessionChanges changes(String cursor) throws Exception;

    /**
     * Follows the feed's push form from a cursor, handing each answer to {@code onChanges} (on this
     * thread) until the service closes the stream (normal: it does so every few minutes). A cursor
     * too old fails as {@code ClientError.CursorExpired}; a service without the push form as a 404.
     */
    void followChanges(String cursor, java.util.function.Consumer<SessionChanges> onChanges) throws Exception;

    /** Ends many sessions in one request (and blocks their accounts with {@code block}). */
    BulkLogoutResult logoutSessions(BulkLogoutRequest request) throws Exception;

    /** @param until the end of the block; null blocks until an admin unblocks */
    User blockUser(String username, String reason, Instant until) throws Exception;

    /** The active sessions of one account (exact username). */
    List<Session> sessionsOf(String username) throws Exception;

    LogoutResult logoutSession(String sessionId, LogoutRequest request) throws Exception;

    /** @param blocked null for all users, true for blocked ones only */
    List<User> users(Boolean blocked) throws Exception;

    LogoutResult logoutUser(String username, String reason) throws Exception;

    User unblockUser(String username) throws Exception;

    List<AuditEvent> audit(int limit) throws Exception;

    /**
     * A page of History, newest first: admin actions, or security events when {@code security};
     * {@code before} is the previous page's {@code nextCursor} (null: from the newest). A service
     * that does not page answers the newest events of that kind as the last page.
     */
    default AuditList auditPage(boolean security, String before, int limit) throws Exception {
        return new AuditList(audit(limit).stream().filter(e -> e.security() == security).toList());
    }

    /** The newest events about one account. */
    List<AuditEvent> auditOf(String username, int limit) throws Exception;

    /**
     * Whether {@link #auditOf} reports deliveries (when each device was told of a log out): the
     * session service does; a log out then follows them for its notification.
     */
    default boolean tracksDeliveries() {
        return false;
    }

    /**
     * Changes the signed-in super user's password (the server checks the current one; the user's
     * other admin sessions end).
     */
    default int changePassword(String currentPassword, String newPassword) throws Exception {
        throw new UnsupportedOperationException("this service cannot change passwords");
    }

    /**
     * Blocks a device (not its users): its sessions of every user end with the reason told to it,
     * and its later logins are refused until {@code until} (null: until unblocked).
     */
    default com.sessiondesk.api.DeviceBlockResult blockDevice(String deviceId, String reason, Instant until) throws Exception {
        throw new UnsupportedOperationException("this service cannot block devices");
    }

    /** Lifts a device block: the device may sign in again. */
    default void unblockDevice(String deviceId) throws Exception {
        throw new UnsupportedOperationException("this service cannot block devices");
    }

    /** The blocked devices, newest block first. */
    default List<com.sessiondesk.api.DeviceBlock> blockedDevices() throws Exception {
        return List.of();
    }

    /** The open alerts and those of the last 7 days, newest first. */
    default List<com.sessiondesk.api.Alert> alerts() throws Exception {
        return List.of();
    }

    /** Marks an alert as seen by the signed-in admin; answers it as it is now. */
    default com.sessiondesk.api.Alert acknowledgeAlert(long id) throws Exception {
        throw new UnsupportedOperationException("this service has no alerts");
    }

    /** Ends the admin token on the server. */
    void signOut() throws Exception;
}

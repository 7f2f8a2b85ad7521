package com.sessiondesk.server.service;

import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.User;
import com.sessiondesk.server.service.LogoutOrder.Account;
import com.sessiondesk.server.service.LogoutOrder.OneSession;
import com.sessiondesk.server.service.LogoutOrder.Sessions;
import com.sessiondesk.server.store.Database;
import java.util.List;
import java.util.Optional;

/** The orders the routes give the {@link LogoutService}, as the tests write them (positional, short). */
public final class Logouts {

    private final LogoutService service;

    public Logouts(Database db) {
        this.service = new LogoutService(db);
    }

    /** A log out of one session (all its account's with {@code allDevices}; with {@code block}, a block). */
    public Optional<LogoutResult> session(String id, boolean allDevices, boolean block, String reason, Long until,
            String actor, long now) {
        return service.logOut(new LogoutOrder(new OneSession(id), allDevices, block, reason, until, null, actor, now));
    }

    /** {@link #session}, the sessions made ending until {@code deadline}. */
    public Optional<LogoutResult> sessionAfterSync(String id, boolean allDevices, boolean block, String reason,
            Long until, String actor, long now, long deadline) {
        return service.logOut(new LogoutOrder(new OneSession(id), allDevices, block, reason, until, deadline, actor,
                now));
    }

    /** A log out of every session of an account ({@code deadline} null: at once). */
    public Optional<LogoutResult> account(String username, String reason, String actor, long now, Long deadline) {
        return service.logOut(new LogoutOrder(new Account(username), true, false, reason, null, deadline, actor, now));
    }

    /** A block of an account ({@code deadline} null: its sessions end at once). */
    public Optional<User> block(String username, String reason, Long until, String actor, long now, Long deadline) {
        return service.block(new LogoutOrder(new Account(username), true, true, reason, until, deadline, actor, now));
    }

    /** The bulk log out. */
    public BulkLogoutResult sessions(List<String> ids, boolean block, String reason, Long until, String actor,
            long now) {
        return service.logOutSessions(new LogoutOrder(new Sessions(ids), false, block, reason, until, null, actor,
                now));
    }

    public Optional<User> unblock(String username, String actor, long now) {
        return service.unblock(username, actor, now);
    }
}

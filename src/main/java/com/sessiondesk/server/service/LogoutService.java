package com.sessiondesk.server.service;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.BulkLogoutResult;
import com.sessiondesk.api.LogoutResult;
import com.sessiondesk.api.User;
import com.sessiondesk.server.service.LogoutOrder.OneSession;
import com.sessiondesk.server.service.LogoutOrder.Sessions;
import com.sessiondesk.server.store.ActionRefused;
import com.sessiondesk.server.store.AdminQueries;
import com.sessiondesk.server.store.AdminQueries.LockedAccount;
import com.sessiondesk.server.store.Database;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The rules of a log out, a block and an unblock, each one transaction that locks the account first
 * (so conflicting actions serialize):
 * <ul>
 * <li>a block ends every session of the account, and so does a log out of all devices or of an account;</li>
 * <li>nobody blocks their own account, whatever the path;</li>
 * <li>a blocked account loses its admin tokens (nothing revives them on unblock);</li>
 * <li>one audit event, only when the action changed something, naming the action taken and listing the
 * sessions it ended or made ending, each with a delivery that waits for its device to be told.</li>
 * </ul>
 */
public final class LogoutService {

    private static final String TOKENS_REVOKED_WHY = "account blocked";

    private final Database db;

    public LogoutService(Database db) {
        this.db = db;
    }

    /** What an action did to one account's sessions. */
    private record Outcome(List<String> ended, List<String> ending, boolean blocked) {
    }

    /**
     * Logs out a session or an account (with all devices, after sync, or with a block); empty when
     * the session or account is unknown.
     *
     * @throws ActionRefused when the order would block the actor's own account
     */
    public Optional<LogoutResult> logOut(LogoutOrder order) {
        return db.write(c -> {
            AdminQueries sql = new AdminQueries(c, db.dialect());
            sql.finishDueEndings(order.now());
            Optional<LockedAccount> found = lockTarget(sql, order);
            if (found.isEmpty()) {
                return Optional.<LogoutResult>empty();
            }
            Outcome outcome = apply(sql, found.get(), order);
            return Optional.of(order.syncDeadline() == null ? new LogoutResult(outcome.ended(), outcome.blocked())
                    : new LogoutResult(outcome.ended(), outcome.blocked(), outcome.ending(),
                            Instant.ofEpochMilli(order.syncDeadline())));
        });
    }

    /**
     * Blocks an account (the target of an order with {@code block}) and ends, or makes ending, every
     * session of it; empty when the account is unknown.
     *
     * @throws ActionRefused when the actor would block their own account
     */
    public Optional<User> block(LogoutOrder order) {
        return db.write(c -> {
            AdminQueries sql = new AdminQueries(c, db.dialect());
            sql.finishDueEndings(order.now());
            Optional<LockedAccount> found = sql.lockAccount(order.username(), order.now());
            if (found.isEmpty()) {
                return Optional.<User>empty();
            }
            apply(sql, found.get(), order);
            return sql.user(order.username(), order.now());
        });
    }

    private static Optional<LockedAccount> lockTarget(AdminQueries sql, LogoutOrder order) throws SQLException {
        if (order.target() instanceof OneSession one) {
            Optional<Long> owner = sql.sessionOwner(one.sessionId());
            return owner.isEmpty() ? Optional.empty() : sql.lockAccount(owner.get(), order.now());
        }
        return sql.lockAccount(order.username(), order.now());
    }

    private static Outcome apply(AdminQueries sql, LockedAccount account, LogoutOrder order) throws SQLException {
        if (order.block()) {
            refuseSelfBlock(account, order.actor());
        }
        List<String> targets = endsEverySession(order) ? sql.activeSessionIds(account.id())
                : List.of(((OneSession) order.target()).sessionId());
        Long deadline = order.syncDeadline();
        List<String> ended = deadline == null ? sql.end(targets, order.actor(), order.reason(), order.now())
                : List.of();
        List<String> ending = deadline == null ? List.of()
                : sql.startEnding(targets, order.actor(), order.reason(), order.now(), deadline);
        boolean newlyBlocked = order.block()
                && sql.applyBlock(account, order.actor(), order.reason(), order.until(), order.now());
        List<String> sessions = ended.isEmpty() ? ending : ended;
        if (!sessions.isEmpty() || newlyBlocked) {
            sql.audit(auditAction(order), order.actor(), account.username(), sessions, order.reason(),
                    order.block() ? order.until() : null, order.now());
        }
        if (order.block()) {
            sql.revokeAdminTokens(account, order.actor(), TOKENS_REVOKED_WHY, order.now());
        }
        return new Outcome(ended, ending, account.blocked() || newlyBlocked);
    }

    /** A block, a log out of all devices and a log out of an account end every session of the account. */
    private static boolean endsEverySession(LogoutOrder order) {
        return order.block() || order.allDevices() || !(order.target() instanceof OneSession);
    }

    private static AuditAction auditAction(LogoutOrder order) {
        if (order.block()) {
            return AuditAction.BLOCK;
        }
        return endsEverySession(order) ? AuditAction.LOGOUT_ALL : AuditAction.LOGOUT_SESSION;
    }

    private static void refuseSelfBlock(LockedAccount account, String actor) {
        if (account.username().equals(actor)) {
            throw new ActionRefused("You cannot block your own account.");
        }
    }

    /**
     * Ends many sessions (the target's) in one transaction with one audit event per account (naming
     * its user and listing its sessions); with a block, blocks their accounts and ends all their
     * sessions. Unknown or ended sessions are skipped.
     *
     * @throws ActionRefused when the actor would block their own account
     */
    public BulkLogoutResult logOutSessions(LogoutOrder order) {
        List<String> requested = ((Sessions) order.target()).sessionIds();
        return db.write(c -> {
            AdminQueries sql = new AdminQueries(c, db.dialect());
            Map<String, Long> owners = sql.activeOwners(new ArrayList<>(new TreeSet<>(requested)));
            List<String> skipped = requested.stream().filter(id -> !owners.containsKey(id)).toList();
            Map<String, List<String>> sessionsOf = new TreeMap<>(); // username -> its sessions this may end
            List<String> blockedNames = new ArrayList<>();
            List<String> ended;
            if (order.block()) {
                List<LockedAccount> accounts = new ArrayList<>();
                for (long userId : new TreeSet<>(owners.values())) { // in id order: no deadlock between two of these
                    LockedAccount account = sql.lockAccount(userId, order.now()).orElseThrow();
                    refuseSelfBlock(account, order.actor());
                    accounts.add(account);
                }
                List<String> all = new ArrayList<>();
                for (LockedAccount account : accounts) {
                    List<String> ids = sql.activeSessionIds(account.id());
                    all.addAll(ids);
                    sessionsOf.put(account.username(), ids);
                }
                ended = endOrStartEnding(sql, all, order);
                for (LockedAccount account : accounts) {
                    if (sql.applyBlock(account, order.actor(), order.reason(), order.until(), order.now())) {
                        blockedNames.add(account.username());
                    }
                    sql.revokeAdminTokens(account, order.actor(), TOKENS_REVOKED_WHY, order.now());
                }
            } else {
                ended = endOrStartEnding(sql, new ArrayList<>(owners.keySet()), order);
                Map<Long, String> names = sql.usernamesById(new TreeSet<>(owners.values()));
                for (String id : ended) {
                    sessionsOf.computeIfAbsent(names.get(owners.get(id)), name -> new ArrayList<>()).add(id);
                }
            }
            // One History row per account it ended or blocked, naming the user: searchable and exported by user.
            Set<String> endedIds = new HashSet<>(ended);
            for (Map.Entry<String, List<String>> user : sessionsOf.entrySet()) {
                List<String> endedOfUser = user.getValue().stream().filter(endedIds::contains).toList();
                if (!endedOfUser.isEmpty() || blockedNames.contains(user.getKey())) {
                    sql.audit(order.block() ? AuditAction.BLOCK_SESSIONS : AuditAction.LOGOUT_SESSIONS, order.actor(),
                            user.getKey(), endedOfUser, order.reason(), order.block() ? order.until() : null,
                            order.now());
                }
            }
            Long deadline = order.syncDeadline();
            return deadline == null ? new BulkLogoutResult(ended, blockedNames, skipped)
                    : new BulkLogoutResult(List.of(), blockedNames, skipped, ended, Instant.ofEpochMilli(deadline));
        });
    }

    /** Ends the sessions at once, or after sync makes them ending (they end once their devices synced). */
    private static List<String> endOrStartEnding(AdminQueries sql, List<String> ids, LogoutOrder order)
            throws SQLException {
        Long deadline = order.syncDeadline();
        return deadline == null ? sql.end(ids, order.actor(), order.reason(), order.now())
                : sql.startEnding(ids, order.actor(), order.reason(), order.now(), deadline);
    }

    /**
     * Lifts the block of an account (a lapsed one is cleared too, but it was no block: nothing is
     * recorded); empty when the account is unknown.
     */
    public Optional<User> unblock(String username, String actor, long now) {
        return db.write(c -> {
            AdminQueries sql = new AdminQueries(c, db.dialect());
            Optional<LockedAccount> found = sql.lockAccount(username, now);
            if (found.isEmpty()) {
                return Optional.<User>empty();
            }
            LockedAccount account = found.get();
            if (account.flagged()) {
                sql.clearBlock(account);
            }
            if (account.blocked()) {
                sql.audit(AuditAction.UNBLOCK, actor, account.username(), List.of(), null, null, now);
                sql.feedUnblocked(account, actor, now);
            }
            return sql.user(username, now);
        });
    }
}

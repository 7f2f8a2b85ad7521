package com.sessiondesk.server.service;

import com.sessiondesk.api.AuditAction;
import com.sessiondesk.server.store.AdminQueries;
import com.sessiondesk.server.store.AdminQueries.LockedAccount;
import com.sessiondesk.server.store.Database;
import java.util.List;
import java.util.Optional;

/**
 * The rule of setting a password, wherever it is set (the admin API or the command line), in one
 * transaction that locks the account first: the new hash is stored, every admin session of the
 * account ends but the one that asked (if any), every mobile session of the account ends with the
 * reason {@value #ENDED_WHY} (its device is told), and one audit event records it with its actor.
 */
public final class PasswordService {

    /** The reason the ended sessions and their devices are given. */
    public static final String ENDED_WHY = "password changed";

    /** The actor recorded for a change made with the command line. */
    public static final String COMMAND_LINE = "command line";

    private final Database db;

    public PasswordService(Database db) {
        this.db = db;
    }

    /** What a password change ended: mobile sessions and the number of admin sessions. */
    public record Change(List<String> endedSessions, int endedAdminSessions) {
    }

    /**
     * Sets the password hash of {@code username}; empty when the account is unknown.
     *
     * @param keepTokenHash the hash of the admin token that asked, which stays valid; null to end them all
     */
    public Optional<Change> setPassword(String username, String passwordHash, String actor, String keepTokenHash,
            long now) {
        return db.write(c -> {
            AdminQueries sql = new AdminQueries(c, db.dialect());
            sql.finishDueEndings(now);
            Optional<LockedAccount> found = sql.lockAccount(username, now);
            if (found.isEmpty()) {
                return Optional.<Change>empty();
            }
            LockedAccount account = found.get();
            sql.setPasswordHash(account, passwordHash);
            int adminSessions = sql.revokeAdminTokensExcept(account, keepTokenHash);
            List<String> ended = sql.end(sql.activeSessionIds(account.id()), actor, ENDED_WHY, now);
            String reason = adminSessions == 0 ? ENDED_WHY
                    : ENDED_WHY + "; other admin sessions ended: " + adminSessions;
            sql.audit(AuditAction.PASSWORD_CHANGED, actor, account.username(), ended, reason, null, now);
            return Optional.of(new Change(ended, adminSessions));
        });
    }
}

package com.sessiondesk.client.logout;

import java.time.Instant;
import java.util.List;

/**
 * What a Logout User Account dialog achieved, as confirmed by the server: the record the views
 * act on (the ended sessions leave the table at once) and its words for the notification.
 *
 * @param done the server confirmed the log out (or block), possibly late or as already done
 * @param message what happened, in words, for the notification or the dialog
 * @param endedSessionIds the sessions the server ended (empty when none or not known)
 * @param blocked the account is now blocked
 * @param blockedUntil the end of that block (null: until unblocked, or no block)
 */
public record LogoutOutcome(boolean done, String message, List<String> endedSessionIds, boolean blocked,
                            Instant blockedUntil) {

    /** An outcome without a result to act on (a failure, or a state the server was asked about). */
    public LogoutOutcome(boolean done, String message) {
        this(done, message, List.of(), false, null);
    }
}

package com.sessiondesk.client.logout;

/**
 * What a Logout User Account dialog achieved, as confirmed by the server.
 *
 * @param done the server confirmed the log out (or block), possibly late or as already done
 * @param message what happened, in words, for the notification or the dialog
 */
public record LogoutOutcome(boolean done, String message) {
}

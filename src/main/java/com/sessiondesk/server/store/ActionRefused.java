package com.sessiondesk.server.store;

/** An admin action the rules forbid (e.g. blocking one's own account): a 400 with this message. */
public final class ActionRefused extends RuntimeException {

    public ActionRefused(String message) {
        super(message);
    }
}

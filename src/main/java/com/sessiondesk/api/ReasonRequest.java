package com.sessiondesk.api;

/** Body of the user routes (log out, block): an optional reason shown to the user. */
public record ReasonRequest(String reason) {
}

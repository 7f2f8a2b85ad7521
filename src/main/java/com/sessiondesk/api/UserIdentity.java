package com.sessiondesk.api;

/** A user's username and display name: {@code GET /mobile/me} and the {@code user} of an admin login. */
public record UserIdentity(String username, String name) {
}

package com.sessiondesk.api;

import java.time.Instant;

/** 200 answer to an admin login; {@code deviceTicket} goes with this client's next sign-in. */
public record AdminLoginResponse(String token, Instant expiresAt, UserIdentity user, String deviceTicket) {

    public AdminLoginResponse(String token, Instant expiresAt, UserIdentity user) {
        this(token, expiresAt, user, null);
    }
}

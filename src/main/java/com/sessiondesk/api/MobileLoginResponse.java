package com.sessiondesk.api;

/**
 * 201 answer to a mobile login: the session and its bearer token (shown once, stored only hashed),
 * and the device ticket to send with this device's next login to this account.
 */
public record MobileLoginResponse(String sessionId, String token, String deviceTicket) {

    public MobileLoginResponse(String sessionId, String token) {
        this(sessionId, token, null);
    }
}

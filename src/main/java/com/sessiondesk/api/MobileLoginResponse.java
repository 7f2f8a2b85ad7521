package com.sessiondesk.api;

/** 201 answer to a mobile login: the session and its bearer token (shown once, stored only hashed). */
public record MobileLoginResponse(String sessionId, String token) {
}

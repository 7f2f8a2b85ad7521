package com.sessiondesk.api;

import java.time.Instant;

public record AdminLoginResponse(String token, Instant expiresAt, UserIdentity user) {
}

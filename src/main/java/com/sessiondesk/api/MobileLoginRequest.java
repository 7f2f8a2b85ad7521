package com.sessiondesk.api;

/** What a mobile app sends to start a session: {@code POST /api/v1/mobile/login}. */
public record MobileLoginRequest(
        String username,
        String password,
        String application,
        String appVersion,
        String deviceId,
        String deviceModel,
        String deviceOs,
        String language) {
}

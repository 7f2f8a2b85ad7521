package com.sessiondesk.api;

/**
 * What a mobile app sends to start a session: {@code POST /api/v1/mobile/login}. {@code deviceTicket}
 * is optional: the ticket of this device's last successful login to this account, so that other
 * clients' failed logins never lock this device out.
 */
public record MobileLoginRequest(
        String username,
        String password,
        String application,
        String appVersion,
        String deviceId,
        String deviceModel,
        String deviceOs,
        String language,
        String deviceTicket) {

    /** A login without a device ticket (a first login on this device). */
    public MobileLoginRequest(String username, String password, String application, String appVersion,
            String deviceId, String deviceModel, String deviceOs, String language) {
        this(username, password, application, appVersion, deviceId, deviceModel, deviceOs, language, null);
    }
}

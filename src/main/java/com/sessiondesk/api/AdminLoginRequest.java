package com.sessiondesk.api;

/**
 * A super user signs in to the desktop client: {@code POST /api/v1/admin/login}. {@code deviceTicket}
 * is optional: the ticket of this client's last successful sign-in to this account, so that other
 * clients' failed logins never lock it out.
 */
public record AdminLoginRequest(String username, String password, String deviceTicket) {

    public AdminLoginRequest(String username, String password) {
        this(username, password, null);
    }
}

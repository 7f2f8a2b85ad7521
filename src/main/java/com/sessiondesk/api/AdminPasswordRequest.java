package com.sessiondesk.api;

/** A signed-in super user changes their own password: {@code POST /api/v1/admin/password}. */
public record AdminPasswordRequest(String oldPassword, String newPassword) {
}

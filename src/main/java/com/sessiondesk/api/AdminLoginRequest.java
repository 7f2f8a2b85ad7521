package com.sessiondesk.api;

public record AdminLoginRequest(String username, String password) {
}

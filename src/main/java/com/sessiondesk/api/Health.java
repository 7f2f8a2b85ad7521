package com.sessiondesk.api;

public record Health(String status) {
}

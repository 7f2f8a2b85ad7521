package com.sessiondesk.api;

import java.util.List;

public record SessionList(List<Session> sessions) {
}

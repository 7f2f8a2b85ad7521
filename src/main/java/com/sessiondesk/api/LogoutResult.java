package com.sessiondesk.api;

import java.util.List;

public record LogoutResult(List<String> endedSessionIds, boolean blocked) {
}

package com.sessiondesk.api;

import java.util.List;

/** The answer of {@code GET /api/v1/alerts}: newest first. */
public record AlertList(List<Alert> alerts) {
}

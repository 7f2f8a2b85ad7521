package com.sessiondesk.api;

/** Data of the {@code ready} event of {@code GET /api/v1/mobile/events}: sent first, once the stream is held. */
public record ReadyEvent(String sessionId) {
}

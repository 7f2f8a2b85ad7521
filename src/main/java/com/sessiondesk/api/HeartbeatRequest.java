package com.sessiondesk.api;

/** Optional body of {@code POST /api/v1/mobile/heartbeat}: the app's count of unsynced items. */
public record HeartbeatRequest(Integer pendingSyncItems) {
}

package com.sessiondesk.api;

import java.time.Instant;

/**
 * Something an admin should look at, raised by the service while it happens ({@code GET /api/v1/alerts},
 * and the {@code alerts} of {@link SessionChanges}). {@code kind} is one of the {@link AlertKind} wire
 * names. Repeats of an open alert update it: {@code count} is how many times it happened, from
 * {@code firstAt} to {@code lastAt}. {@code deviceId}, {@code deviceModel} and {@code address} are
 * those of the latest occurrence, null where the kind has none (a login storm names no account or
 * device). {@code acknowledgedBy} and {@code acknowledgedAt} are null while the alert is open.
 */
public record Alert(
        long id,
        String kind,
        String username,
        String deviceId,
        String deviceModel,
        String address,
        int count,
        Instant firstAt,
        Instant lastAt,
        String acknowledgedBy,
        Instant acknowledgedAt) {

    /** True until a super user acknowledged it. */
    public boolean open() {
        return acknowledgedAt == null;
    }
}

package com.sessiondesk.server.observability;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A number read at most once per {@code maxAge}: a gauge whose value costs a query (the active
 * sessions' count) runs it once per few seconds however often Prometheus scrapes.
 */
public final class CachedValue implements LongSupplier {

    private final LongSupplier source;
    private final long maxAgeNanos;
    private long value;
    private long readAt;
    private boolean read;

    public CachedValue(LongSupplier source, Duration maxAge) {
        this.source = source;
        this.maxAgeNanos = maxAge.toNanos();
    }

    @Override
    public synchronized long getAsLong() {
        long now = System.nanoTime();
        if (!read || now - readAt >= maxAgeNanos) {
            value = source.getAsLong();
            readAt = now;
            read = true;
        }
        return value;
    }
}

package com.sessiondesk.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tests' clock, moved forward by {@link #advance}. Made with a start instant it stands still
 * between advances; made {@link #running} it is the real time plus what the test advanced it (time
 * still passes, so rows written one after another keep their order). A copy for another zone
 * moves with it.
 */
public final class MutableClock extends Clock {

    /** Where the clock stands before any advance; null: the real time. */
    private final Instant start;
    private final ZoneId zone;
    private final AtomicReference<Duration> advanced;

    /** A clock that stands at start (in UTC) until advanced. */
    public MutableClock(Instant start) {
        this(start, ZoneOffset.UTC, new AtomicReference<>(Duration.ZERO));
    }

    private MutableClock(Instant start, ZoneId zone, AtomicReference<Duration> advanced) {
        this.start = start;
        this.zone = zone;
        this.advanced = advanced;
    }

    /** A clock that runs with the real time, plus what it is advanced. */
    public static MutableClock running(ZoneId zone) {
        return new MutableClock(null, zone, new AtomicReference<>(Duration.ZERO));
    }

    public void advance(Duration duration) {
        advanced.updateAndGet(total -> total.plus(duration));
    }

    @Override
    public Instant instant() {
        return (start == null ? Instant.now() : start).plus(advanced.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        return newZone.equals(zone) ? this : new MutableClock(start, newZone, advanced);
    }
}

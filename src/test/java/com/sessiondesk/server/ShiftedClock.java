package com.sessiondesk.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The real time moved forward by what the test shifted it (time still passes, so rows keep their order). */
public final class ShiftedClock extends Clock {

    private volatile Duration shift = Duration.ZERO;
    private final ZoneId zone;

    public ShiftedClock(ZoneId zone) {
        this.zone = zone;
    }

    public void advance(Duration duration) {
        shift = shift.plus(duration);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId newZone) {
        ShiftedClock other = new ShiftedClock(newZone);
        other.shift = shift;
        return other;
    }
}

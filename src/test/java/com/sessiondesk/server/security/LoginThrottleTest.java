package com.sessiondesk.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sessiondesk.server.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(user, address);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void tenFailuresWithinFifteenMinutesThrottleTheAccount() {
        fail("maria", "10.0.0.1", 9);
        assertThat(throttle.retryAfterSeconds("maria", "10.0.0.1")).isZero();
        fail("maria", "10.0.0.1", 1);
        long wait = throttle.retryAfterSeconds("maria", "10.0.0.1");
        assertThat(wait).isBetween(15 * 60L - 12, 15 * 60L);
    }

    @Test
    void throttleEndsWhenTheOldestFailureLeavesTheWindow() {
        fail("maria", "10.0.0.1", 10);
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.retryAfterSeconds("maria", "10.0.0.1")).isZero();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotThrottle() {
        for (int i = 0; i < 30; i++) {
            throttle.recordFailure("maria", "10.0.0.1");
            clock.advance(Duration.ofMinutes(2));
            assertThat(throttle.retryAfterSeconds("maria", "10.0.0.1")).isZero();
        }
    }

    @Test
    void successResetsTheCount() {
        fail("maria", "10.0.0.1", 9);
        throttle.recordSuccess("maria", "10.0.0.1");
        fail("maria", "10.0.0.1", 9);
        assertThat(throttle.retryAfterSeconds("maria", "10.0.0.1")).isZero();
    }

    @Test
    void oneClientCannotLockTheAccountForOtherAddresses() {
        fail("maria", "10.0.0.66", 20);
        assertThat(throttle.retryAfterSeconds("maria", "10.0.0.66")).isPositive();
        assertThat(throttle.retryAfterSeconds("maria", "10.0.0.1")).isZero();
        assertThat(throttle.retryAfterSeconds("li", "10.0.0.66")).isZero();
    }

    @Test
    void usernamesDifferingOnlyInCaseShareACounter() {
        fail("Maria", "10.0.0.1", 5);
        fail("maria", "10.0.0.1", 5);
        assertThat(throttle.retryAfterSeconds("MARIA", "10.0.0.1")).isPositive();
    }

    @Test
    void memoryStaysBounded() {
        for (int i = 0; i < LoginThrottle.MAX_ENTRIES + 500; i++) {
            throttle.recordFailure("user" + i, "10.0.0.1");
        }
        assertThat(throttle.size()).isLessThanOrEqualTo(LoginThrottle.MAX_ENTRIES);
    }
}

package com.sessiondesk.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.server.MutableClock;
import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.JdbcStore;
import com.sessiondesk.server.store.Migrations;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The throttle's counting rules, on a real SQLite store (the HTTP side is in apitest). */
class LoginThrottleTest {

    @TempDir
    Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T10:00:00Z"));
    private Database db;
    private JdbcStore store;
    private LoginThrottle throttle;

    @BeforeEach
    void open() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("t.db"));
        new Migrations(db).run();
        store = new JdbcStore(db);
        throttle = new LoginThrottle(store, clock);
    }

    @AfterEach
    void close() {
        store.close();
        db.close();
    }

    private void fail(String user, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.begin(user, address, null);
        }
    }

    @Test
    void tenAttemptsFromOneAddressLockThatPairUntilTheWindowEnds() {
        fail("maria", "10.0.0.1", LoginThrottle.PAIR_LIMIT);
        assertThatThrownBy(() -> throttle.begin("maria", "10.0.0.1", null))
                .isInstanceOfSatisfying(LoginThrottle.Throttled.class,
                        t -> assertThat(t.retryAfterSeconds()).isBetween(1L, 15 * 60L));
        // usernames are compared case-insensitively
        assertThatThrownBy(() -> throttle.begin("MARIA", "10.0.0.1", null)).isInstanceOf(LoginThrottle.Throttled.class);
        assertThat(throttle.begin("maria", "10.0.0.2", null).counted()).as("pair, address, account").hasSize(3);
        clock.advance(LoginThrottle.WINDOW);
        assertThat(throttle.begin("maria", "10.0.0.1", null).knownDevice()).as("the window ended").isFalse();
    }

    @Test
    void aSuccessGivesItsAttemptBackAndMakesTheAddressKnown() {
        fail("maria", "10.0.0.1", LoginThrottle.PAIR_LIMIT - 1);
        throttle.succeeded(throttle.begin("maria", "10.0.0.1", null));
        fail("maria", "10.0.0.1", LoginThrottle.PAIR_LIMIT);
        assertThatThrownBy(() -> throttle.begin("maria", "10.0.0.1", null)).isInstanceOf(LoginThrottle.Throttled.class);
    }

    @Test
    void distributedFailuresLockTheAccountForUnknownClientsButNotForAKnownAddressOrDevice() {
        throttle.succeeded(throttle.begin("maria", "192.0.2.1", null));
        for (int i = 0; throttleAllows("maria", "203.0.113." + (i / 5)); i++) {
            assertThat(i).isLessThan(LoginThrottle.ACCOUNT_LIMIT);
        }
        assertThatThrownBy(() -> throttle.begin("maria", "198.51.100.1", null))
                .as("a new address").isInstanceOf(LoginThrottle.Throttled.class);
        assertThat(throttle.begin("maria", "192.0.2.1", null).counted()).as("the address that signed in before: "
                + "its own counter only").hasSize(1);
        assertThat(throttle.begin("maria", "198.51.100.1", "ticket-1").knownDevice()).as("a known device").isTrue();
    }

    @Test
    void anAddressHasACeilingAcrossAccounts() {
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
            throttle.begin("user" + i, "10.9.9.9", null);
        }
        assertThatThrownBy(() -> throttle.begin("someone.else", "10.9.9.9", null))
                .isInstanceOf(LoginThrottle.Throttled.class);
    }

    @Test
    void anAddressThatSignedInBeforeIsNotHeldToTheAddressCeiling() {
        throttle.succeeded(throttle.begin("maria", "10.9.9.9", null));
        for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
            throttle.begin("user" + i, "10.9.9.9", null);
        }
        assertThatThrownBy(() -> throttle.begin("someone.else", "10.9.9.9", null))
                .isInstanceOf(LoginThrottle.Throttled.class);
        assertThat(throttle.begin("maria", "10.9.9.9", null).counted()).as("maria signed in from there before")
                .hasSize(1);
    }

    @Test
    void aDeviceTicketHasItsOwnLimitAndThenCountsAsAnUnknownClient() {
        for (int i = 0; i < LoginThrottle.DEVICE_LIMIT; i++) {
            assertThat(throttle.begin("maria", "10.0.0.1", "ticket-9").knownDevice()).isTrue();
        }
        assertThat(throttle.begin("maria", "10.0.0.1", "ticket-9").knownDevice()).isFalse();
    }

    @Test
    void purgeForgetsOnlyExpiredUnknownCounters() {
        fail("maria", "10.0.0.1", 3);
        clock.advance(LoginThrottle.WINDOW.plus(Duration.ofMinutes(1)));
        throttle.purge();
        int rows = db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM login_throttle")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(rows).isZero();
    }

    @Test
    void purgeKeepsCountersWhoseWindowIsStillOpen() {
        fail("maria", "10.0.0.1", LoginThrottle.PAIR_LIMIT);
        clock.advance(LoginThrottle.WINDOW.minusMinutes(1));
        throttle.purge();
        assertThatThrownBy(() -> throttle.begin("maria", "10.0.0.1", null))
                .as("the counter outlived the housekeeping run").isInstanceOf(LoginThrottle.Throttled.class);
    }

    @Test
    void purgeKeepsAnAddressKnownAfterItsWindowEnded() {
        throttle.succeeded(throttle.begin("maria", "10.0.0.1", null));
        clock.advance(LoginThrottle.WINDOW.plusMinutes(1));
        throttle.purge();
        assertThat(throttle.begin("maria", "10.0.0.1", null).counted()).as("still known").hasSize(1);
    }

    @Test
    void retryAfterIsTheRestOfTheWindowRoundedUpToWholeSeconds() {
        fail("maria", "10.0.0.1", LoginThrottle.PAIR_LIMIT);
        assertThat(retryAfter()).isEqualTo(LoginThrottle.WINDOW.toSeconds());
        clock.advance(Duration.ofMillis(1));
        assertThat(retryAfter()).as("899.999 s rounds up").isEqualTo(LoginThrottle.WINDOW.toSeconds());
        clock.advance(Duration.ofMillis(999));
        assertThat(retryAfter()).isEqualTo(LoginThrottle.WINDOW.toSeconds() - 1);
        assertThat(new LoginThrottle.Throttled(1).retryAfterSeconds()).isEqualTo(1);
        assertThat(new LoginThrottle.Throttled(1000).retryAfterSeconds()).isEqualTo(1);
        assertThat(new LoginThrottle.Throttled(1001).retryAfterSeconds()).isEqualTo(2);
        assertThat(new LoginThrottle.Throttled(0).retryAfterSeconds()).as("never 0").isEqualTo(1);
    }

    private long retryAfter() {
        try {
            throttle.begin("maria", "10.0.0.1", null);
        } catch (LoginThrottle.Throttled e) {
            return e.retryAfterSeconds();
        }
        throw new AssertionError("not throttled");
    }

    private boolean throttleAllows(String user, String address) {
        try {
            throttle.begin(user, address, null);
            return true;
        } catch (LoginThrottle.Throttled e) {
            return false;
        }
    }
}

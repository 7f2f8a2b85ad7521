package com.sessiondesk.server.security;

import com.sessiondesk.server.store.Records.ThrottleCounter;
import com.sessiondesk.server.store.JdbcStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Login throttling that cannot be turned against the user (docs/security.md). Every attempt is
 * counted in the database before its password is hashed, atomically, so that parallel attempts
 * cannot slip past a limit and every service instance sees the same counts:
 * <ul>
 * <li>a device with a valid device ticket for the account ({@link DeviceTickets}) has a counter of
 * its own ({@link #DEVICE_LIMIT}) and nothing else applies to it;</li>
 * <li>any other client is counted per account and address ({@link #PAIR_LIMIT}); unless that
 * address signed in to that account before ({@link #KNOWN_FOR}), also per address over all
 * accounts ({@link #ADDRESS_LIMIT}) and per account over all such clients ({@link #ACCOUNT_LIMIT}).</li>
 * </ul>
 * Counters hold failures, attempts in progress and attempts refused as busy ({@link #busy}) in a
 * window of {@link #WINDOW}; a success gives its attempt back and starts its own counter over. A
 * client already at a limit is refused on a read, without the database's write lock.
 */
public final class LoginThrottle {

    public static final int PAIR_LIMIT = 10;
    public static final int ACCOUNT_LIMIT = 30;
    public static final int ADDRESS_LIMIT = 100;
    public static final int DEVICE_LIMIT = 10;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    /** How long an (account, address) pair stays known after a successful sign-in. */
    public static final Duration KNOWN_FOR = Duration.ofDays(90);

    /** Too many attempts: the client should wait this long. */
    public static final class Throttled extends RuntimeException {
        private final long retryAfterSeconds;

        Throttled(long retryAfterMillis) {
            super("too many failed logins", null, false, false);
            this.retryAfterSeconds = Math.max(1, (retryAfterMillis + 999) / 1000);
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /**
     * The counters one attempt was counted on, to settle once its password was checked;
     * {@code accountKey} is the counter shared by every new client of the account (null when none).
     */
    public record Attempt(List<String> counted, String ownKey, boolean knownDevice, String accountKey) {
    }

    private final JdbcStore store;
    private final Clock clock;

    public LoginThrottle(JdbcStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Counts an attempt before its password is checked.
     *
     * @param ticketId the id of a valid device ticket for this account, or null
     * @throws Throttled when a limit is reached (nothing was counted)
     */
    public Attempt begin(String username, String address, String ticketId) {
        long now = clock.millis();
        long window = WINDOW.toMillis();
        if (ticketId != null) {
            String device = key("device", ticketId, "");
            if (store.reserveLoginAttempts(List.of(new ThrottleCounter(device, DEVICE_LIMIT, window)), now) == 0) {
                return new Attempt(List.of(device), device, true, null);
            }
            // This ticket failed too often itself: it is treated like any unknown client.
        }
        String pair = key("pair", username, address);
        List<ThrottleCounter> counters = new ArrayList<>(List.of(new ThrottleCounter(pair, PAIR_LIMIT, window)));
        String account = null;
        if (!store.isKnownLoginClient(pair, now)) {
            // Only an address new to this account is also held to the limits across accounts and addresses.
            account = key("account", username, "");
            counters.add(new ThrottleCounter(key("address", "", address), ADDRESS_LIMIT, window));
            counters.add(new ThrottleCounter(account, ACCOUNT_LIMIT, window));
        }
        // A client already at a limit is refused on a read; the write below counts the others atomically.
        long wait = store.loginWait(counters, now);
        if (wait == 0) {
            wait = store.reserveLoginAttempts(counters, now);
        }
        if (wait > 0) {
            throw new Throttled(wait);
        }
        return new Attempt(counters.stream().map(ThrottleCounter::key).toList(), pair, false, account);
    }

    /** The password was right: the attempt is given back and the client's own counter starts over. */
    public void succeeded(Attempt attempt) {
        List<String> others = attempt.counted().stream().filter(k -> !k.equals(attempt.ownKey())).toList();
        store.settleLoginAttempts(others, List.of(attempt.ownKey()), attempt.knownDevice() ? null : attempt.ownKey(),
                clock.millis() + KNOWN_FOR.toMillis());
    }

    /**
     * The password was never checked (503: its hashing lane was full). The attempt stays counted
     * for the client that made it (its address, its own counter), so retrying each 503 at once
     * soon ends in 429; only the account's counter gets it back, so nobody's 503s lock an account.
     */
    public void busy(Attempt attempt) {
        if (attempt.accountKey() != null) {
            store.settleLoginAttempts(List.of(attempt.accountKey()), List.of(), null, 0);
        }
    }

    /** Forgets counters that can no longer throttle anyone (called now and then). */
    public void purge() {
        long now = clock.millis();
        store.purgeLoginThrottle(now - WINDOW.toMillis(), now);
    }

    /** Counter names are hashed: a password typed into the username field is not kept in clear. */
    private static String key(String kind, String username, String address) {
        return Tokens.hash(kind + "\u0000" + username.toLowerCase(Locale.ROOT) + "\u0000" + address);
    }
}

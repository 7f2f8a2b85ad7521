package com.sessiondesk.server.security;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Throttles failed logins: after {@link #MAX_FAILURES} failures within {@link #WINDOW_MILLIS} an
 * (account, client address) pair is refused until the oldest failure leaves the window; a success
 * resets it. Keyed by address too, so one client cannot lock other people out of their accounts.
 * Memory is bounded: entries that can no longer throttle anyone are evicted.
 */
public final class LoginThrottle {

    public static final int MAX_FAILURES = 10;
    public static final long WINDOW_MILLIS = 15 * 60 * 1000L;
    static final int MAX_ENTRIES = 50_000;

    private final Clock clock;
    private final Map<String, ArrayDeque<Long>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds to wait before this account may try again from this address, or 0 when it may now. */
    public long retryAfterSeconds(String username, String address) {
        ArrayDeque<Long> times = failures.get(key(username, address));
        if (times == null) {
            return 0;
        }
        long now = clock.millis();
        synchronized (times) {
            dropExpired(times, now);
            if (times.size() < MAX_FAILURES) {
                return 0;
            }
            long waitMillis = times.peekFirst() + WINDOW_MILLIS - now;
            return Math.max(1, (waitMillis + 999) / 1000);
        }
    }

    public void recordFailure(String username, String address) {
        long now = clock.millis();
        if (failures.size() >= MAX_ENTRIES) {
            evict(now);
        }
        ArrayDeque<Long> times = failures.computeIfAbsent(key(username, address), k -> new ArrayDeque<>());
        synchronized (times) {
            dropExpired(times, now);
            times.addLast(now);
            while (times.size() > MAX_FAILURES) {
                times.removeFirst();
            }
        }
    }

    public void recordSuccess(String username, String address) {
        failures.remove(key(username, address));
    }

    int size() {
        return failures.size();
    }

    /**
     * Drops entries whose failures have all expired; if still nearly full, drops arbitrary ones down
     * to 90% (bounded memory wins over remembering every attacker).
     */
    private void evict(long now) {
        for (Iterator<Map.Entry<String, ArrayDeque<Long>>> it = failures.entrySet().iterator(); it.hasNext(); ) {
            ArrayDeque<Long> times = it.next().getValue();
            synchronized (times) {
                dropExpired(times, now);
                if (times.isEmpty()) {
                    it.remove();
                }
            }
        }
        Iterator<String> keys = failures.keySet().iterator();
        while (failures.size() >= MAX_ENTRIES * 9 / 10 && keys.hasNext()) {
            keys.next();
            keys.remove();
        }
    }

    private static void dropExpired(ArrayDeque<Long> times, long now) {
        while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
            times.removeFirst();
        }
    }

    private static String key(String username, String address) {
        return username.toLowerCase(Locale.ROOT) + "\u0000" + address;
    }
}

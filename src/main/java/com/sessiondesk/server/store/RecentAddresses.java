package com.sessiondesk.server.store;

import com.sessiondesk.server.store.Devices.AddressSeen;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * This instance's memory of the (user, address) pairs it recorded lately in {@code user_addresses},
 * with the last seen time it wrote. A heartbeat that moves a session to an address its user was
 * recorded at less than {@link Devices#ADDRESS_REFRESH_MILLIS} ago writes nothing: a phone moving
 * between its Wi-Fi and mobile data costs one write per place and hour, not one per move. The
 * database stays the truth: a pair unknown here (after a restart, or written by another instance)
 * is written once, and a login always reads the table. Pairs are remembered only once their write
 * committed; the least recently used are forgotten past {@link #CAPACITY}.
 */
final class RecentAddresses {

    /** The most pairs remembered (a few MB at most). */
    static final int CAPACITY = 50_000;

    private record Pair(long userId, String address) {
    }

    private final Map<Pair, Long> recorded = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Pair, Long> eldest) {
            return size() > CAPACITY;
        }
    };

    /** Whether the user was recorded at the address less than the refresh step before {@code at}. */
    synchronized boolean recentlyRecorded(long userId, String address, long at) {
        Long last = recorded.get(new Pair(userId, address));
        return last != null && at - last < Devices.ADDRESS_REFRESH_MILLIS;
    }

    /** These pairs' rows were written (the transaction committed) with these last seen times. */
    synchronized void written(List<AddressSeen> seen) {
        for (AddressSeen s : seen) {
            recorded.merge(new Pair(s.userId(), s.address()), s.lastSeen(), Math::max);
        }
    }
}

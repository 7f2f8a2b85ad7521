package com.sessiondesk.client.sessions;

import com.sessiondesk.api.BlockChange;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The blocked accounts behind the rows' block markers: username to the end of the block (null:
 * until unblocked), from the last load, the feed's block changes and this client's own blocks. A
 * time-limited block ends by itself at its end.
 */
final class BlockMarkers {

    private final Clock clock;
    private Map<String, Instant> blocks = new HashMap<>();

    BlockMarkers(Clock clock) {
        this.clock = clock;
    }

    /** The blocks a load found. */
    void reset(Map<String, Instant> loaded) {
        blocks = loaded;
    }

    boolean isBlocked(String username) {
        if (!blocks.containsKey(username)) {
            return false;
        }
        Instant until = blocks.get(username);
        return until == null || until.isAfter(clock.instant());
    }

    /** The feed's block changes; returns the accounts they name. */
    Set<String> apply(List<BlockChange> changes) {
        Set<String> touched = new HashSet<>();
        for (BlockChange change : changes) {
            if (change.blocked()) {
                blocks.put(change.username(), change.blockedUntil());
            } else {
                blocks.remove(change.username());
            }
            touched.add(change.username());
        }
        return touched;
    }

    /** This client blocked these accounts (until {@code until}, null: until unblocked). */
    void blocked(Collection<String> usernames, Instant until) {
        for (String username : usernames) {
            blocks.put(username, until);
        }
    }

    /** Forgets the blocks that are over by now (the feed says nothing then); returns their accounts. */
    Set<String> liftEnded() {
        Instant now = clock.instant();
        Set<String> lifted = new HashSet<>();
        blocks.entrySet().removeIf(entry -> {
            boolean over = entry.getValue() != null && !entry.getValue().isAfter(now);
            if (over) {
                lifted.add(entry.getKey());
            }
            return over;
        });
        return lifted;
    }
}

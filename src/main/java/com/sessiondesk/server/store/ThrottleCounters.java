package com.sessiondesk.server.store;

import com.sessiondesk.server.store.Records.ThrottleCounter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code login_throttle} table: the login throttle's counters (see LoginThrottle), in the
 * database so that every service instance on one PostgreSQL counts the same attempts. The security
 * events go to the audit log ({@link AuditLog#recordSecurityEvent}).
 */
final class ThrottleCounters {

    private final Database db;

    ThrottleCounters(Database db) {
        this.db = db;
    }

    long reserveLoginAttempts(List<ThrottleCounter> counters, long now) {
        // Always lock in key order: two logins touching the same counters cannot deadlock.
        List<ThrottleCounter> ordered = counters.stream().sorted(Comparator.comparing(ThrottleCounter::key)).toList();
        return db.write(c -> {
            long[] starts = new long[ordered.size()];
            int[] attempts = new int[ordered.size()];
            long wait = 0;
            for (int i = 0; i < ordered.size(); i++) {
                ThrottleCounter counter = ordered.get(i);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO login_throttle (throttle_key, window_start, "
                        + "attempts) VALUES (?, ?, 0) ON CONFLICT (throttle_key) DO NOTHING")) {
                    ps.setString(1, counter.key());
                    ps.setLong(2, now);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT window_start, attempts FROM login_throttle "
                        + "WHERE throttle_key = ?" + db.dialect().forUpdate())) {
                    ps.setString(1, counter.key());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        starts[i] = rs.getLong(1);
                        attempts[i] = rs.getInt(2);
                    }
                }
                if (starts[i] + counter.windowMillis() <= now) {
                    starts[i] = now;
                    attempts[i] = 0;
                }
                if (attempts[i] >= counter.limit()) {
                    wait = Math.max(wait, starts[i] + counter.windowMillis() - now);
                }
            }
            if (wait > 0) {
                return wait;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE login_throttle SET window_start = ?, attempts = ? "
                    + "WHERE throttle_key = ?")) {
                for (int i = 0; i < ordered.size(); i++) {
                    ps.setLong(1, starts[i]);
                    ps.setInt(2, attempts[i] + 1);
                    ps.setString(3, ordered.get(i).key());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return 0L;
        });
    }

    /**
     * How long the first of these counters that is at its limit still holds (0 when none is), read
     * without the write lock: a storm's refused attempts never queue for the database's writer.
     */
    long loginWait(List<ThrottleCounter> counters, long now) {
        return db.read(c -> {
            long wait = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT window_start, attempts FROM login_throttle "
                    + "WHERE throttle_key = ?")) {
                for (ThrottleCounter counter : counters) {
                    ps.setString(1, counter.key());
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getInt(2) >= counter.limit()
                                && rs.getLong(1) + counter.windowMillis() > now) {
                            wait = Math.max(wait, rs.getLong(1) + counter.windowMillis() - now);
                        }
                    }
                }
            }
            return wait;
        });
    }

    void settleLoginAttempts(List<String> release, List<String> reset, String knownKey, long knownUntil) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE login_throttle SET attempts = attempts - 1 "
                    + "WHERE throttle_key = ? AND attempts > 0")) {
                for (String key : release) {
                    ps.setString(1, key);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE login_throttle SET attempts = 0 WHERE throttle_key = ?")) {
                for (String key : reset) {
                    ps.setString(1, key);
                    ps.executeUpdate();
                }
            }
            if (knownKey != null) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE login_throttle SET known_until = ? "
                        + "WHERE throttle_key = ?")) {
                    ps.setLong(1, knownUntil);
                    ps.setString(2, knownKey);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    boolean isKnownLoginClient(String key, long now) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM login_throttle WHERE throttle_key = ? "
                    + "AND known_until > ?")) {
                ps.setString(1, key);
                ps.setLong(2, now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    void purgeLoginThrottle(long before, long now) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_throttle WHERE window_start < ? "
                    + "AND (known_until IS NULL OR known_until < ?)")) {
                ps.setLong(1, before);
                ps.setLong(2, now);
                return ps.executeUpdate();
            }
        });
    }
}

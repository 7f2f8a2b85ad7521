package com.sessiondesk.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** The {@code meta} table: a few named values the service keeps about itself (shared by every instance). */
final class Meta {

    private final Database db;

    Meta(Database db) {
        this.db = db;
    }

    Optional<String> get(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT meta_value FROM meta WHERE meta_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    void set(String key, String value) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM meta WHERE meta_key = ?")) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta (meta_key, meta_value) VALUES (?, ?)")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** The value of {@code key}, storing {@code value} first when there is none (atomic across instances). */
    String getOrSet(String key, String value) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO meta (meta_key, meta_value) VALUES (?, ?) "
                    + "ON CONFLICT (meta_key) DO NOTHING")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT meta_value FROM meta WHERE meta_key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
    }
}

package com.sessiondesk.server.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Plain SQL for store tests: what a step left in a table, or a row set up the way a test needs it. */
final class StoreSql {

    private StoreSql() {
    }

    /** The first column of the first row of {@code sql} as a number (null when SQL NULL or no row). */
    static Long number(Database db, String sql, Object... args) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return null;
                    }
                    long value = rs.getLong(1);
                    return rs.wasNull() ? null : value;
                }
            }
        });
    }

    /** The first column of the first row of {@code sql} as text (null when SQL NULL or no row). */
    static String text(Database db, String sql, Object... args) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    /** Runs one change; returns how many rows it changed. */
    static int update(Database db, String sql, Object... args) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bind(ps, args);
                return ps.executeUpdate();
            }
        });
    }

    private static void bind(PreparedStatement ps, Object... args) throws java.sql.SQLException {
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
    }
}

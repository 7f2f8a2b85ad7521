package com.sessiondesk.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A small migration runner: applies {@code db/<dialect>/V<n>__*.sql} in order, each in its own
 * transaction, and records the applied versions in {@code schema_version}. The files are listed in
 * {@code db/migrations.list} (no class-path scanning: the embedded service must start fast).
 */
public final class Migrations {

    private final Database db;
    private final String resourceRoot;

    public Migrations(Database db) {
        this(db, "db");
    }

    Migrations(Database db, String resourceRoot) {
        this.db = db;
        this.resourceRoot = resourceRoot;
    }

    /** Applies what is missing; returns the versions applied by this call. */
    public List<Integer> run() {
        List<String> files = listed();
        db.write(connection -> {
            try (Statement st = connection.createStatement()) {
                st.executeUpdate("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at BIGINT NOT NULL)");
            }
            return null;
        });
        List<Integer> applied = new ArrayList<>();
        for (String file : files) {
            int version = versionOf(file);
            String sql = resource(resourceRoot + "/" + db.dialect().folder() + "/" + file);
            boolean done = db.write(connection -> {
                if (appliedVersions(connection).contains(version)) {
                    return false;
                }
                try (Statement st = connection.createStatement()) {
                    for (String statement : statements(sql)) {
                        st.executeUpdate(statement);
                    }
                }
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, version);
                    ps.setString(2, file);
                    ps.setLong(3, System.currentTimeMillis());
                    ps.executeUpdate();
                }
                return true;
            });
            if (done) {
                applied.add(version);
            }
        }
        return applied;
    }

    private static Set<Integer> appliedVersions(Connection connection) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT version FROM schema_version")) {
            while (rs.next()) {
                versions.add(rs.getInt(1));
            }
        }
        return versions;
    }

    private List<String> listed() {
        List<String> files = new ArrayList<>();
        int previous = 0;
        for (String line : resource(resourceRoot + "/migrations.list").split("\n")) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            int version = versionOf(file);
            if (version <= previous) {
                throw new IllegalStateException("migrations out of order: " + file);
            }
            previous = version;
            files.add(file);
        }
        return files;
    }

    static int versionOf(String file) {
        int end = file.indexOf("__");
        if (!file.startsWith("V") || end < 2) {
            throw new IllegalStateException("not a migration file name (V<n>__name.sql): " + file);
        }
        return Integer.parseInt(file.substring(1, end));
    }

    /** Splits a script on semicolons ending a line; comments are dropped. Our scripts have no procedures. */
    static List<String> statements(String sql) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static String resource(String path) {
        try (InputStream in = Migrations.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}

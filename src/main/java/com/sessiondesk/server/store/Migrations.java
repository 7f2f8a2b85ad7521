package com.sessiondesk.server.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resolver.ChecksumCalculator;

/**
 * The schema of both databases, migrated by Flyway: {@code db/<dialect>/V<n>__name.sql}, each in
 * its own transaction, recorded with its checksum in {@code flyway_schema_history} and validated at
 * every start (an applied script that was changed afterwards stops the service with a clear
 * message). The scripts are the ones listed in {@code db/migrations.list}: Flyway is handed that
 * list instead of scanning the class path, which keeps the embedded service's start fast.
 *
 * <p>A database made by the runner before Flyway (its history in {@code schema_version}) is taken
 * over: Flyway records its newest version as the baseline and applies only what is newer.
 * docs/architecture.md ("Database and migrations") has the details.
 */
public final class Migrations {

    /** Flyway's history table (its default name). */
    static final String HISTORY_TABLE = "flyway_schema_history";
    /** The history table of the runner before Flyway: version, description, applied_at. */
    static final String OLD_HISTORY_TABLE = "schema_version";

    private final Database db;
    private final String resourceRoot;

    public Migrations(Database db) {
        this(db, "db");
    }

    Migrations(Database db, String resourceRoot) {
        this.db = db;
        this.resourceRoot = resourceRoot;
    }

    /**
     * Validates what was applied and applies what is missing.
     *
     * @return the versions applied by this call
     * @throws IllegalStateException when validation fails (e.g. an applied script was edited) or a script fails
     */
    public List<Integer> run() {
        List<String> files = listed();
        if (upToDate(files)) {
            return List.of(); // every listed script applied, with the checksum it has now
        }
        try {
            FluentConfiguration flyway = configure(files);
            Integer takeOver = oldRunnerVersion();
            if (takeOver != null) {
                // Flyway's baseline-on-migrate: the old runner's newest version becomes the baseline.
                flyway.baselineOnMigrate(true).baselineVersion(Integer.toString(takeOver))
                        .baselineDescription("taken over from " + OLD_HISTORY_TABLE);
            }
            List<Integer> applied = new ArrayList<>();
            for (MigrateOutput migration : flyway.load().migrate().migrations) {
                applied.add(Integer.parseInt(migration.version));
            }
            return applied;
        } catch (FlywayException e) {
            throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
        }
    }

    private FluentConfiguration configure(List<String> files) {
        String folder = resourceRoot + "/" + db.dialect().folder();
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(db.dataSource())
                .table(HISTORY_TABLE)
                .locations("classpath:" + folder)
                .resourceProvider(new Listed(folder, files))
                .javaMigrationClassProvider(List::of)
                .validateOnMigrate(true)
                .validateMigrationNaming(true)
                .cleanDisabled(true);
    }

    /**
     * The newest version the runner before Flyway applied, when this database was made by it and
     * Flyway has not taken it over yet; otherwise null. An empty old table (its first migration
     * failed) is dropped so that Flyway starts afresh.
     */
    private Integer oldRunnerVersion() {
        return db.write(connection -> {
            if (!tableExists(connection, OLD_HISTORY_TABLE) || tableExists(connection, HISTORY_TABLE)) {
                return null;
            }
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT MAX(version) FROM " + OLD_HISTORY_TABLE)) {
                rs.next();
                int newest = rs.getInt(1);
                if (!rs.wasNull()) {
                    return newest;
                }
            }
            try (Statement st = connection.createStatement()) {
                st.executeUpdate("DROP TABLE " + OLD_HISTORY_TABLE);
            }
            return null;
        });
    }

    /**
     * The fast path of a start (Flyway's own start costs about half a second in a cold JVM, on the
     * way to the client's first table): true when the history holds every listed script above the
     * baseline, each successful and with the checksum its file has now (computed by Flyway's own
     * {@code ChecksumCalculator}), and nothing else. Anything else (a new script, a changed one, a
     * failed or unknown row) goes through Flyway, which migrates or stops the start with its message.
     */
    boolean upToDate() {
        return upToDate(listed());
    }

    private boolean upToDate(List<String> files) {
        String folder = resourceRoot + "/" + db.dialect().folder();
        return db.read(connection -> {
            if (!tableExists(connection, HISTORY_TABLE)) {
                return false;
            }
            Map<Integer, Integer> applied = new HashMap<>();
            int baseline = 0;
            try (Statement st = connection.createStatement();
                    ResultSet rs = st.executeQuery("SELECT version, type, checksum, success FROM " + HISTORY_TABLE)) {
                while (rs.next()) {
                    String version = rs.getString(1);
                    if (!rs.getBoolean(4)) {
                        return false;
                    }
                    if (version == null) {
                        continue; // Flyway's own bookkeeping rows
                    }
                    int checksum = rs.getInt(3);
                    if ("BASELINE".equals(rs.getString(2))) {
                        baseline = Math.max(baseline, Integer.parseInt(version));
                    } else if (rs.wasNull()) {
                        return false;
                    } else {
                        applied.put(Integer.parseInt(version), checksum);
                    }
                }
            }
            Set<Integer> listed = new HashSet<>();
            for (String file : files) {
                int version = versionOf(file);
                listed.add(version);
                if (version > baseline) {
                    Integer checksum = applied.get(version);
                    if (checksum == null || checksum != ChecksumCalculator.calculate(new Script(folder, file))) {
                        return false;
                    }
                }
            }
            return listed.containsAll(applied.keySet());
        });
    }

    static boolean tableExists(Connection connection, String table) throws SQLException {
        try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), table, null)) {
            return rs.next();
        }
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
        if (!file.startsWith("V") || end < 2 || !file.endsWith(".sql")) {
            throw new IllegalStateException("not a migration file name (V<n>__name.sql): " + file);
        }
        return Integer.parseInt(file.substring(1, end));
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

    /** The listed scripts of one dialect, as Flyway's resources (no class-path scanning). */
    private static final class Listed implements ResourceProvider {
        private final Map<String, Script> scripts;

        Listed(String folder, List<String> files) {
            this.scripts = files.stream().map(file -> new Script(folder, file))
                    .collect(Collectors.toMap(Script::getFilename, Function.identity()));
        }

        @Override
        public LoadableResource getResource(String name) {
            return scripts.get(name.substring(name.lastIndexOf('/') + 1));
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            List<LoadableResource> found = new ArrayList<>();
            for (Script script : scripts.values()) {
                String name = script.getFilename();
                for (String suffix : suffixes) {
                    if (name.startsWith(prefix) && name.endsWith(suffix)) {
                        found.add(script);
                        break;
                    }
                }
            }
            return found;
        }
    }

    private static final class Script extends LoadableResource {
        private final String folder;
        private final String file;

        Script(String folder, String file) {
            this.folder = folder;
            this.file = file;
        }

        @Override
        public Reader read() {
            return new StringReader(resource(getAbsolutePath()));
        }

        @Override
        public String getAbsolutePath() {
            return folder + "/" + file;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return file;
        }

        @Override
        public String getRelativePath() {
            return file;
        }
    }
}

package com.sessiondesk.bench;

import com.sessiondesk.common.AppDirs;
import com.sessiondesk.server.BulkLoad;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Prepares a data directory once: the demo agency plus N active sessions, in the SQLite file the
 * embedded default opens ({@code demo.db}; {@code serve --db} is pointed at it too). Run it with {@code -Dsessiondesk.home=DIR}.
 * The admin password is {@link #ADMIN_PASSWORD} (a benchmark fixture, not a secret).
 */
public final class BenchData {

    public static final String ADMIN_PASSWORD = "bench-admin-password";

    private BenchData() {
    }

    public static void main(String[] args) throws Exception {
        int sessions = Integer.parseInt(args[0]);
        Path dir = AppDirs.dataDir();
        Path marker = dir.resolve("bench-prepared-demo-" + sessions);
        if (Files.exists(marker)) {
            System.out.println("bench-data: " + dir + " already holds " + sessions + " extra sessions");
            return;
        }
        Files.createDirectories(dir);
        long start = System.nanoTime();
        try (SessionServer server = SessionServer.start(ServerConfig.defaults()
                .withPort(0)
                .withJdbcUrl(AppDirs.demoJdbcUrl())
                .withDemo(true)
                .withInitialAdminPassword(ADMIN_PASSWORD))) {
            BulkLoad.createActiveSessions(server, sessions);
        }
        Files.writeString(marker, "prepared\n");
        System.out.println("bench-data: " + sessions + " sessions added to " + AppDirs.demoJdbcUrl() + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /** Runs {@link #main} in a child JVM (so the heavy loading stays out of the measuring JVM). */
    static void prepare(Path dir, int sessions) throws Exception {
        BenchSupport.ChildResult result = BenchSupport.runJava(
                java.util.List.of("-D" + AppDirs.HOME_PROPERTY + "=" + dir.toAbsolutePath(), "-Xmx1g"),
                BenchData.class.getName(), java.util.List.of(String.valueOf(sessions)), java.util.Map.of(), 1800);
        result.lines().forEach(System.out::println);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("preparing the benchmark data failed");
        }
    }
}

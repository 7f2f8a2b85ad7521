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
        if (Files.exists(marker) && Files.readString(marker).equals(markerText())) {
            System.out.println("bench-data: " + dir + " already holds " + sessions + " extra sessions");
            return;
        }
        if (Files.exists(marker)) { // prepared by an older bench (another admin password): start again
            System.out.println("bench-data: " + dir + " was prepared by an older benchmark; preparing it again");
            for (String name : new String[] {"demo.db", "demo.db-wal", "demo.db-shm", "sessiondesk.db",
                    "sessiondesk.db-wal", "sessiondesk.db-shm"}) {
                Files.deleteIfExists(dir.resolve(name));
            }
            Files.delete(marker);
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
        Files.writeString(marker, markerText());
        System.out.println("bench-data: " + sessions + " sessions added to " + AppDirs.demoJdbcUrl() + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms");
    }

    /**
     * What the marker of a prepared directory says: the data's version and a fingerprint of the admin
     * password it was made with, so that a directory cached by an older benchmark is prepared again.
     */
    private static String markerText() throws java.security.NoSuchAlgorithmException {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(ADMIN_PASSWORD.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return "prepared demo.db, admin password sha256 " + java.util.HexFormat.of().formatHex(digest, 0, 8) + "\n";
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

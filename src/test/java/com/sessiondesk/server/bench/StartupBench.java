package com.sessiondesk.server.bench;

import com.sessiondesk.common.AppDirs;
import com.sessiondesk.server.ServerConfig;
import com.sessiondesk.server.SessionServer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How long the embedded service takes to start in a fresh JVM: a new SQLite database (migrate, seed
 * the demo agency) and then the same database again. Run: {@code java -cp target/classes:target/test-classes:CP
 * com.sessiondesk.server.bench.StartupBench}.
 */
public final class StartupBench {
    public static void main(String[] args) throws Exception {
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        Path home = Files.createTempDirectory("sessiondesk-startup");
        System.setProperty(AppDirs.HOME_PROPERTY, home.toString());
        ServerConfig config = ServerConfig.defaults().withPort(0).withDemo(true).withInitialAdminPassword("startup-bench-password")
                .withJdbcUrl("jdbc:sqlite:" + home.resolve("db/sessiondesk.db"));
        for (String label : new String[] {"new database with demo seed", "existing database"}) {
            long t0 = System.nanoTime();
            try (SessionServer server = SessionServer.start(config)) {
                long started = System.nanoTime();
                server.issueAdminToken("admin");
                System.out.printf("%s: start %d ms, admin token %d ms (JVM up %d ms before)%n", label,
                        (started - t0) / 1_000_000, (System.nanoTime() - started) / 1_000_000,
                        System.currentTimeMillis() - jvmStart - (System.nanoTime() - t0) / 1_000_000);
            }
        }
    }
}

package com.sessiondesk.server.bench;

import com.sessiondesk.server.store.ActiveSessionRow;
import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.JdbcStore;
import com.sessiondesk.server.store.Superseded;
import java.util.List;

/** CPU cost of reading the active sessions of a database: {@code java ... ListMicro JDBC_URL}. */
public final class ListMicro {
    public static void main(String[] args) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        try (Database db = Database.open(args[0])) {
            JdbcStore store = new JdbcStore(db);
            for (int round = 0; round < 6; round++) {
                long cpu = mx.getCurrentThreadCpuTime();
                long wall = System.nanoTime();
                List<ActiveSessionRow> rows = store.activeSessionRows(null, null);
                long read = mx.getCurrentThreadCpuTime();
                boolean[] flags = Superseded.flags(rows);
                long flagged = mx.getCurrentThreadCpuTime();
                int count = 0;
                for (boolean f : flags) {
                    count += f ? 1 : 0;
                }
                System.out.printf("round %d: %d rows read in %.0f ms CPU (%.0f ms wall), flags %.0f ms CPU, %d superseded%n",
                        round, rows.size(), (read - cpu) / 1e6, (System.nanoTime() - wall) / 1e6,
                        (flagged - read) / 1e6, count);
            }
        }
    }
}

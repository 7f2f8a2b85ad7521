package com.sessiondesk.server.bench;

import com.sessiondesk.server.store.ActiveSessionRow;
import com.sessiondesk.server.store.Superseded;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** CPU cost of the superseded flags for 100,000 rows: {@code java -cp target/classes:target/test-classes com.sessiondesk.server.bench.SupersededMicro}. */
public final class SupersededMicro {
    public static void main(String[] args) {
        Random random = new Random(1);
        List<ActiveSessionRow> rows = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            long user = i / 3;
            rows.add(new ActiveSessionRow(user, "id" + i, "u" + user, "Name", "dev" + (i % 3 == 2 ? i - 1 : i), "m",
                    "o", user % 2 == 0 ? "Caregiver" : "EVV", "1", "English", random.nextInt(1_000_000), 0, 0));
        }
        Collections.shuffle(rows, random);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < 8; round++) {
            long cpu = mx.getCurrentThreadCpuTime();
            boolean[] flags = Superseded.flags(rows);
            int count = 0;
            for (boolean f : flags) {
                count += f ? 1 : 0;
            }
            System.out.printf("round %d: %.1f ms CPU, %d superseded%n", round, (mx.getCurrentThreadCpuTime() - cpu) / 1e6, count);
        }
    }
}

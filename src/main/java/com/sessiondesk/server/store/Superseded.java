package com.sessiondesk.server.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which active sessions are superseded: an older session of the same user, application and device
 * id as a newer one (the app was updated without logging out). The rows must hold every active
 * session of each (user, application, device) group that appears in them.
 */
public final class Superseded {

    private Superseded() {
    }

    /**
     * One pass chains each user's rows (a user has a handful), then compares within the chains:
     * hashing one long per row instead of three-part keys keeps 100,000 rows in a few milliseconds.
     */
    public static boolean[] flags(List<ActiveSessionRow> rows) {
        int n = rows.size();
        int[] next = new int[n];
        Map<Long, Integer> head = new HashMap<>(Math.max(16, n));
        for (int i = 0; i < n; i++) {
            Integer previous = head.put(rows.get(i).userId(), i);
            next[i] = previous == null ? -1 : previous;
        }
        boolean[] flags = new boolean[n];
        for (int first : head.values()) {
            for (int i = first; i >= 0; i = next[i]) {
                ActiveSessionRow a = rows.get(i);
                for (int j = next[i]; j >= 0; j = next[j]) {
                    ActiveSessionRow b = rows.get(j);
                    if (a.application().equals(b.application()) && a.deviceId().equals(b.deviceId())) {
                        if (a.loginTime() < b.loginTime()) {
                            flags[i] = true;
                        } else if (b.loginTime() < a.loginTime()) {
                            flags[j] = true;
                        }
                    }
                }
            }
        }
        return flags;
    }
}

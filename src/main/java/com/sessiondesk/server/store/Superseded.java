package com.sessiondesk.server.store;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which active sessions are superseded: an older session of the same user, application and device
 * id as a newer one (the app was updated without logging out). The rows must hold every active
 * session of each (user, application, device) group that appears in them.
 */
public final class Superseded {

    private Superseded() {
    }

    private record Group(long userId, String application, String deviceId) {
    }

    public static boolean[] flags(List<ActiveSessionRow> rows) {
        Map<Group, Long> newest = new HashMap<>(rows.size() * 2);
        for (ActiveSessionRow row : rows) {
            newest.merge(group(row), row.loginTime(), Math::max);
        }
        boolean[] flags = new boolean[rows.size()];
        for (int i = 0; i < flags.length; i++) {
            ActiveSessionRow row = rows.get(i);
            flags[i] = row.loginTime() < Objects.requireNonNull(newest.get(group(row)));
        }
        return flags;
    }

    private static Group group(ActiveSessionRow row) {
        return new Group(row.userId(), row.application(), row.deviceId());
    }
}

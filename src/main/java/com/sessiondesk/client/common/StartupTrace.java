package com.sessiondesk.client.common;

import java.lang.management.ManagementFactory;

/**
 * With {@code -Dsessiondesk.trace=true}, prints when each start-up step finished, in ms since the
 * JVM started: to see where the time to the first painted table goes.
 */
public final class StartupTrace {

    private static final boolean ON = Boolean.getBoolean("sessiondesk.trace");

    private StartupTrace() {
    }

    public static void mark(String step) {
        if (ON) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("trace: " + ms + " ms " + step + " [" + Thread.currentThread().getName() + "]");
        }
    }
}

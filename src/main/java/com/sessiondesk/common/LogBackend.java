package com.sessiondesk.common;

/**
 * Which SLF4J backend a process logs through, chosen in {@code main} before its first log line.
 * The service logs through logback, which can write one JSON object per line
 * ({@code serve --log-format json}); the desktop client through slf4j-simple, whose start costs a
 * fresh JVM about a sixth of logback's CPU, which the first window would wait for. Both are on the
 * class path; SLF4J's {@code slf4j.provider} property picks one (a value set on the command line wins).
 */
public final class LogBackend {

    static final String PROVIDER_PROPERTY = "slf4j.provider";
    static final String LOGBACK = "ch.qos.logback.classic.spi.LogbackServiceProvider";
    static final String SIMPLE = "org.slf4j.simple.SimpleServiceProvider";

    private LogBackend() {
    }

    /** The session service's processes ({@code serve}, {@code sessiondesk-server}): logback. */
    public static void forService() {
        choose(LOGBACK);
    }

    /** Every other process (the desktop client, {@code user}, {@code simulate}): slf4j-simple. */
    public static void forOthers() {
        choose(SIMPLE);
    }

    private static void choose(String provider) {
        if (System.getProperty(PROVIDER_PROPERTY) == null) {
            System.setProperty(PROVIDER_PROPERTY, provider);
            // otherwise SLF4J says on standard error that it loads the provider named by the property
            if (System.getProperty("slf4j.internal.verbosity") == null) {
                System.setProperty("slf4j.internal.verbosity", "WARN");
            }
        }
    }
}

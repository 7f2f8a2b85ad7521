package com.sessiondesk.client;

import java.time.Duration;
import java.util.List;

/**
 * How the desktop client starts, from its command line.
 *
 * @param serverUrl a server to sign in to (the connect screen opens with it); null for the
 *     built-in demo service, unless a server is remembered from an earlier run
 * @param smokeTest open on the built-in service, wait for the table, print one line and exit
 * @param refreshInterval automatic refresh of the sessions; zero turns it off
 * @param embedded use the built-in service even when a server is remembered
 * @param readTimeout how long a request may wait for the server's answer (default 30 s)
 * @param liveInterval how often the table asks the service's change feed (default 2 s; zero: never)
 */
public record ClientOptions(String serverUrl, boolean smokeTest, Duration refreshInterval, boolean embedded,
                            Duration readTimeout, Duration liveInterval) {

    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(30);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_LIVE = Duration.ofSeconds(2);

    public ClientOptions(String serverUrl, boolean smokeTest, Duration refreshInterval, boolean embedded) {
        this(serverUrl, smokeTest, refreshInterval, embedded, DEFAULT_READ_TIMEOUT);
    }

    public ClientOptions(String serverUrl, boolean smokeTest, Duration refreshInterval, boolean embedded,
                         Duration readTimeout) {
        this(serverUrl, smokeTest, refreshInterval, embedded, readTimeout, DEFAULT_LIVE);
    }

    public static final String USAGE = """
            Usage: sessiondesk [--server URL] [--embedded] [--refresh SECONDS] [--live SECONDS] [--read-timeout SECONDS] [--smoke-test]
              --server URL       sign in to this session service (the connect screen opens with it)
              --embedded         use the built-in demo service, even if a server is remembered
              --refresh SECONDS  reload the sessions every SECONDS while the live feed is not current (0: never; default 30)
              --live SECONDS     ask the service what changed every SECONDS (0: never; default 2)
              --read-timeout SECONDS  give up on an unanswered request after SECONDS (default 30)
              --smoke-test       open on the built-in service, wait for the sessions, print a line, exit""";

    public static ClientOptions defaults() {
        return new ClientOptions(null, false, DEFAULT_REFRESH, false);
    }

    public ClientOptions withServerUrl(String url) {
        return new ClientOptions(url, smokeTest, refreshInterval, embedded, readTimeout, liveInterval);
    }

    public ClientOptions withRefreshInterval(Duration interval) {
        return new ClientOptions(serverUrl, smokeTest, interval, embedded, readTimeout, liveInterval);
    }

    public ClientOptions withReadTimeout(Duration value) {
        return new ClientOptions(serverUrl, smokeTest, refreshInterval, embedded, value, liveInterval);
    }

    public ClientOptions withEmbedded(boolean value) {
        return new ClientOptions(serverUrl, smokeTest, refreshInterval, value, readTimeout, liveInterval);
    }

    /** Parses the client's arguments; throws IllegalArgumentException with a message and the usage. */
    public static ClientOptions parse(String[] args) {
        return parse(List.of(args));
    }

    public static ClientOptions parse(List<String> args) {
        String server = null;
        boolean smoke = false;
        boolean embedded = false;
        Duration refresh = DEFAULT_REFRESH;
        Duration readTimeout = DEFAULT_READ_TIMEOUT;
        Duration live = DEFAULT_LIVE;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--server" -> server = value(args, ++i, arg);
                case "--smoke-test" -> smoke = true;
                case "--embedded" -> embedded = true;
                case "--refresh" -> refresh = seconds(value(args, ++i, arg), arg);
                case "--live" -> live = seconds(value(args, ++i, arg), arg);
                case "--read-timeout" -> {
                    readTimeout = seconds(value(args, ++i, arg), arg);
                    if (readTimeout.isZero()) {
                        throw new IllegalArgumentException("--read-timeout must be at least 1 second\n" + USAGE);
                    }
                }
                default -> throw new IllegalArgumentException("Unknown option: " + arg + "\n" + USAGE);
            }
        }
        if (server != null && (embedded || smoke)) {
            throw new IllegalArgumentException("--server cannot be combined with --embedded or --smoke-test\n" + USAGE);
        }
        return new ClientOptions(server, smoke, refresh, embedded || smoke, readTimeout, live);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(index);
    }

    private static Duration seconds(String text, String option) {
        try {
            long seconds = Long.parseLong(text.trim());
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number of seconds: " + text + "\n" + USAGE);
        }
    }
}

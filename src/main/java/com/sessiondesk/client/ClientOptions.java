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
 */
public record ClientOptions(String serverUrl, boolean smokeTest, Duration refreshInterval, boolean embedded) {

    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(30);

    public static final String USAGE = """
            Usage: sessiondesk [--server URL] [--embedded] [--refresh SECONDS] [--smoke-test]
              --server URL       sign in to this session service (the connect screen opens with it)
              --embedded         use the built-in demo service, even if a server is remembered
              --refresh SECONDS  refresh the sessions automatically every SECONDS (0: never; default 30)
              --smoke-test       open on the built-in service, wait for the sessions, print a line, exit""";

    public static ClientOptions defaults() {
        return new ClientOptions(null, false, DEFAULT_REFRESH, false);
    }

    public ClientOptions withServerUrl(String url) {
        return new ClientOptions(url, smokeTest, refreshInterval, embedded);
    }

    public ClientOptions withRefreshInterval(Duration interval) {
        return new ClientOptions(serverUrl, smokeTest, interval, embedded);
    }

    public ClientOptions withEmbedded(boolean value) {
        return new ClientOptions(serverUrl, smokeTest, refreshInterval, value);
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
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--server" -> server = value(args, ++i, arg);
                case "--smoke-test" -> smoke = true;
                case "--embedded" -> embedded = true;
                case "--refresh" -> refresh = seconds(value(args, ++i, arg));
                default -> throw new IllegalArgumentException("Unknown option: " + arg + "\n" + USAGE);
            }
        }
        if (server != null && (embedded || smoke)) {
            throw new IllegalArgumentException("--server cannot be combined with --embedded or --smoke-test\n" + USAGE);
        }
        return new ClientOptions(server, smoke, refresh, embedded || smoke);
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(index);
    }

    private static Duration seconds(String text) {
        try {
            long seconds = Long.parseLong(text.trim());
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--refresh needs a whole number of seconds (0 or more): " + text + "\n" + USAGE);
        }
    }
}

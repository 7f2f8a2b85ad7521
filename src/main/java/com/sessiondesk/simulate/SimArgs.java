package com.sessiondesk.simulate;

/**
 * The arguments of {@code simulate --server URL --devices N [--duration S] [--interval S]
 * [--no-stream] [--sync-ms MS] [--unsynced N]}.
 */
record SimArgs(String server, int devices, int durationSeconds, int intervalSeconds, boolean noStream,
        int syncMillisPerItem, int unsyncedItems) {

    static final int MAX_DEVICES = 10_000;
    static final int DEFAULT_SYNC_MILLIS = 100;

    SimArgs(String server, int devices, int durationSeconds, int intervalSeconds) {
        this(server, devices, durationSeconds, intervalSeconds, false, DEFAULT_SYNC_MILLIS, -1);
    }

    static final String USAGE = "Usage: sessiondesk simulate --server URL --devices N [--duration S] [--interval S]\n"
            + "                           [--no-stream] [--sync-ms MS] [--unsynced N]\n"
            + "  N devices (1 to 10000) sign in as demo staff of a server started with --demo (distinct up to\n"
            + "  320), hold their event streams, and heartbeat every S seconds (default 5) for --duration\n"
            + "  seconds (default 60). --no-stream: heartbeats only. --sync-ms: upload time per unsynced item\n"
            + "  when told to sync before a log out (default 100). --unsynced N: every device holds N unsynced\n"
            + "  items until told to sync (default: a random walk).";

    /** A command-line mistake. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }

    static SimArgs parse(String[] args) throws UsageException {
        String server = null;
        Integer devices = null;
        int duration = 60;
        int interval = 5;
        boolean noStream = false;
        int syncMillis = DEFAULT_SYNC_MILLIS;
        int unsynced = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = value(args, ++i, "--server");
                case "--devices" -> devices = number(value(args, ++i, "--devices"), "--devices", 1, MAX_DEVICES);
                case "--duration" -> duration = number(value(args, ++i, "--duration"), "--duration", 1, 86_400);
                case "--interval" -> interval = number(value(args, ++i, "--interval"), "--interval", 1, 3600);
                case "--no-stream" -> noStream = true;
                case "--sync-ms" -> syncMillis = number(value(args, ++i, "--sync-ms"), "--sync-ms", 0, 60_000);
                case "--unsynced" -> unsynced = number(value(args, ++i, "--unsynced"), "--unsynced", 0, 100_000);
                default -> throw new UsageException("unknown argument: " + args[i]);
            }
        }
        if (server == null) {
            throw new UsageException("--server URL is required");
        }
        if (!server.startsWith("http://") && !server.startsWith("https://")) {
            throw new UsageException("--server must be an http:// or https:// URL, not " + server);
        }
        if (devices == null) {
            throw new UsageException("--devices N is required");
        }
        return new SimArgs(server, devices, duration, interval, noStream, syncMillis, unsynced);
    }

    private static String value(String[] args, int index, String option) throws UsageException {
        if (index >= args.length || args[index].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[index];
    }

    private static int number(String text, String option, int min, int max) throws UsageException {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be a whole number from " + min + " to " + max + ", not " + text);
    }
}

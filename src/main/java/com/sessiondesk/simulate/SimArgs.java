package com.sessiondesk.simulate;

import com.sessiondesk.server.DemoAgency;

/** The arguments of {@code simulate --server URL --devices N [--duration S] [--interval S]}. */
record SimArgs(String server, int devices, int durationSeconds, int intervalSeconds) {

    static final String USAGE = "Usage: sessiondesk simulate --server URL --devices N [--duration S] [--interval S]\n"
            + "  N devices (1 to 320) sign in as distinct demo staff of a server started with --demo and\n"
            + "  heartbeat every S seconds (default 5) for --duration seconds (default 60).";

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
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--server" -> server = value(args, ++i, "--server");
                case "--devices" -> devices = number(value(args, ++i, "--devices"), "--devices", 1, DemoAgency.STAFF);
                case "--duration" -> duration = number(value(args, ++i, "--duration"), "--duration", 1, 86_400);
                case "--interval" -> interval = number(value(args, ++i, "--interval"), "--interval", 1, 3600);
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
        return new SimArgs(server, devices, duration, interval);
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

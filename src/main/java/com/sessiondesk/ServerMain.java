package com.sessiondesk;

/**
 * Entry point of the packaged {@code sessiondesk-server} launcher: {@code sessiondesk-server ARGS}
 * runs {@code serve ARGS}, and {@code sessiondesk-server user add ...} creates a user (on Windows
 * this console launcher is the only one that can read a password from standard input). A main
 * class, not jpackage's launcher {@code arguments=serve}: those are only defaults, dropped as soon
 * as the user passes an argument such as {@code --port}.
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("user")) {
            Main.main(args);
            return;
        }
        String[] serveArgs = new String[args.length + 1];
        serveArgs[0] = "serve";
        System.arraycopy(args, 0, serveArgs, 1, args.length);
        Main.main(serveArgs);
    }
}

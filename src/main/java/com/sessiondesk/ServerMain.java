package com.sessiondesk;

/**
 * Entry point of the packaged {@code sessiondesk-server} launcher: {@code sessiondesk-server ARGS}
 * runs {@code serve ARGS}. A main class, not jpackage's launcher {@code arguments=serve}: those are
 * only defaults, dropped as soon as the user passes an argument such as {@code --port}.
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) {
        String[] serveArgs = new String[args.length + 1];
        serveArgs[0] = "serve";
        System.arraycopy(args, 0, serveArgs, 1, args.length);
        Main.main(serveArgs);
    }
}

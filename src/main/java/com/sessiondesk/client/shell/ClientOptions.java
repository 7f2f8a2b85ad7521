package com.sessiondesk.client.shell;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine;

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
 * @param trustedCertificates server certificates accepted besides the system's trust store
 *     ({@code --trust-cert}: an office's self-signed certificate)
 */
public record ClientOptions(String serverUrl, boolean smokeTest, Duration refreshInterval, boolean embedded,
                            Duration readTimeout, Duration liveInterval, List<X509Certificate> trustedCertificates) {

    public ClientOptions {
        trustedCertificates = trustedCertificates == null ? List.of() : List.copyOf(trustedCertificates);
    }

    public ClientOptions(String serverUrl, boolean smokeTest, Duration refreshInterval, boolean embedded,
                         Duration readTimeout, Duration liveInterval) {
        this(serverUrl, smokeTest, refreshInterval, embedded, readTimeout, liveInterval, List.of());
    }

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

    public static ClientOptions defaults() {
        return new ClientOptions(null, false, DEFAULT_REFRESH, false);
    }

    public ClientOptions withServerUrl(String url) {
        return new ClientOptions(url, smokeTest, refreshInterval, embedded, readTimeout, liveInterval, trustedCertificates);
    }

    public ClientOptions withRefreshInterval(Duration interval) {
        return new ClientOptions(serverUrl, smokeTest, interval, embedded, readTimeout, liveInterval, trustedCertificates);
    }

    public ClientOptions withReadTimeout(Duration value) {
        return new ClientOptions(serverUrl, smokeTest, refreshInterval, embedded, value, liveInterval, trustedCertificates);
    }

    public ClientOptions withEmbedded(boolean value) {
        return new ClientOptions(serverUrl, smokeTest, refreshInterval, value, readTimeout, liveInterval, trustedCertificates);
    }

    public ClientOptions withTrustedCertificates(List<X509Certificate> value) {
        return new ClientOptions(serverUrl, smokeTest, refreshInterval, embedded, readTimeout, liveInterval, value);
    }

    /** Parses the client's arguments; throws IllegalArgumentException saying what is wrong. */
    public static ClientOptions parse(String[] args) {
        if (args.length == 0) {
            return defaults(); // without loading the parser (see Main.main)
        }
        ClientArgs parsed = new ClientArgs();
        try {
            new CommandLine(parsed).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return parsed.toOptions();
    }

    public static ClientOptions parse(List<String> args) {
        return parse(args.toArray(String[]::new));
    }
}

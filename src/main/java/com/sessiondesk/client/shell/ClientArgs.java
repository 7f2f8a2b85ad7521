package com.sessiondesk.client.shell;

import com.sessiondesk.client.service.ServerTrust;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The desktop client's options ({@code sessiondesk [OPTIONS]}), read by picocli into {@link ClientOptions}. */
public final class ClientArgs {

    @Option(names = "--server", paramLabel = "URL",
            description = "Sign in to this session service (the connect screen opens with it).")
    String server;

    @Option(names = "--embedded", description = "Use the built-in demo service, even if a server is remembered.")
    boolean embedded;

    @Option(names = "--refresh", paramLabel = "SECONDS", converter = Seconds.class,
            description = "Reload the shown view every SECONDS (Active Sessions only while it follows no change feed); 0: never (default: 30).")
    Duration refresh = ClientOptions.DEFAULT_REFRESH;

    @Option(names = "--live", paramLabel = "SECONDS", converter = Seconds.class,
            description = "Ask the service what changed every SECONDS (the live table); 0: never (default: 2).")
    Duration live = ClientOptions.DEFAULT_LIVE;

    @Option(names = "--read-timeout", paramLabel = "SECONDS", converter = Seconds.class,
            description = "Give up on an unanswered request after SECONDS (default: 30).")
    Duration readTimeout = ClientOptions.DEFAULT_READ_TIMEOUT;

    @Option(names = "--trust-cert", paramLabel = "FILE",
            description = "Also trust the server certificate(s) in this PEM file (an office's self-signed one); "
                    + "others must be signed by an authority the system trusts.")
    Path trustCert;

    @Option(names = "--smoke-test",
            description = "Open on the built-in service, wait for the sessions, print one line and exit (0 or 1).")
    boolean smokeTest;

    /** The options; throws IllegalArgumentException for a combination that makes no sense. */
    public ClientOptions toOptions() {
        if (readTimeout.isZero()) {
            throw new IllegalArgumentException("--read-timeout must be at least 1 second");
        }
        if (server != null && (embedded || smokeTest)) {
            throw new IllegalArgumentException("--server cannot be combined with --embedded or --smoke-test");
        }
        List<X509Certificate> trusted = trustCert == null ? List.of() : ServerTrust.read(trustCert);
        return new ClientOptions(server, smokeTest, refresh, embedded || smokeTest, readTimeout, live, trusted);
    }

    static final class Seconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                long seconds = Long.parseLong(value.strip());
                if (seconds >= 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("a whole number of seconds, not '" + value + "'");
        }
    }
}

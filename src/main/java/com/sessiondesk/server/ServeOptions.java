package com.sessiondesk.server;

import com.sessiondesk.cli.Cli;
import com.sessiondesk.cli.Env;
import com.sessiondesk.cli.Terminal;
import com.sessiondesk.server.service.AuditService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * The options of the session service, shared by {@code sessiondesk serve} and the
 * {@code sessiondesk-server} launcher. A new option is a field here and a line in {@link #config()}.
 */
public final class ServeOptions {

    /** The password of the super user {@code admin} created on an empty database (not an option: ps shows those). */
    public static final String ADMIN_PASSWORD_VARIABLE = "SESSIONDESK_ADMIN_PASSWORD";
    public static final String ADMIN_PASSWORD_NOTE = "On an empty database it creates the super user admin with the "
            + "password in " + ADMIN_PASSWORD_VARIABLE + " (without it, a random password printed once).";
    static final int MAX_DAYS = 3650;
    static final int MAX_SESSIONS_PER_USER = 1000;

    @Option(names = "--host", paramLabel = "HOST",
            description = "The address to listen on; 0.0.0.0 for every interface (default: ${DEFAULT-VALUE}).")
    @Env("SESSIONDESK_HOST")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "PORT", converter = Port.class,
            description = "The port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    @Env("SESSIONDESK_PORT")
    int port = 8080;

    @Mixin
    DatabaseOption database;

    @Mixin
    TlsOptions tls;

    @Option(names = "--demo", description = "Seed a demo agency once, on an empty database.")
    boolean demo;

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS", split = "\\s*,\\s*", splitSynopsisLabel = ",",
            description = "A reverse proxy whose X-Forwarded-For header names the client; repeat it "
                    + "for several (the environment variable: a comma-separated list).")
    @Env("SESSIONDESK_TRUSTED_PROXIES")
    List<String> trustedProxies = new ArrayList<>();

    @Option(names = "--mobile-idle-days", paramLabel = "N",
            description = "A mobile session unused for N days has expired (default: ${DEFAULT-VALUE}).")
    @Env("SESSIONDESK_MOBILE_IDLE_DAYS")
    int mobileIdleDays = (int) ServerConfig.DEFAULT_MOBILE_IDLE.toDays();

    @Option(names = "--mobile-absolute-days", paramLabel = "N",
            description = "A mobile session N days old has expired, used or not (default: ${DEFAULT-VALUE}).")
    @Env("SESSIONDESK_MOBILE_ABSOLUTE_DAYS")
    int mobileAbsoluteDays = (int) ServerConfig.DEFAULT_MOBILE_ABSOLUTE.toDays();

    @Option(names = "--max-sessions-per-user", paramLabel = "N",
            description = "A mobile login that would give its user more than N active sessions ends the oldest "
                    + "(its device is told: signed in on another device) (default: ${DEFAULT-VALUE}).")
    @Env("SESSIONDESK_MAX_SESSIONS_PER_USER")
    int maxSessionsPerUser = ServerConfig.DEFAULT_MAX_SESSIONS_PER_USER;

    @Option(names = "--audit-retention-days", paramLabel = "N",
            description = "History keeps admin actions for N days (default: ${DEFAULT-VALUE}).")
    @Env("SESSIONDESK_AUDIT_RETENTION_DAYS")
    int auditRetentionDays = (int) AuditService.Retention.DEFAULT_ACTIONS.toDays();

    @Option(names = "--security-event-retention-days", paramLabel = "N",
            description = "History keeps security events (refused sign-ins and calls) for N days "
                    + "(default: ${DEFAULT-VALUE}).")
    @Env("SESSIONDESK_SECURITY_EVENT_RETENTION_DAYS")
    int securityEventRetentionDays = (int) AuditService.Retention.DEFAULT_SECURITY_EVENTS.toDays();

    @Mixin
    MonitoringOptions monitoring;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private final Terminal terminal;

    ServeOptions(Terminal terminal) {
        this.terminal = terminal;
    }

    /** The metrics port and the log format. */
    public MonitoringOptions monitoring() {
        return monitoring;
    }

    /** The service's settings; a value out of range is a usage error. */
    public ServerConfig config() {
        Cli.inRange(spec, "--mobile-idle-days", mobileIdleDays, 1, MAX_DAYS);
        Cli.inRange(spec, "--mobile-absolute-days", mobileAbsoluteDays, 1, MAX_DAYS);
        Cli.inRange(spec, "--max-sessions-per-user", maxSessionsPerUser, 1, MAX_SESSIONS_PER_USER);
        Cli.inRange(spec, "--audit-retention-days", auditRetentionDays, 1, MAX_DAYS);
        Cli.inRange(spec, "--security-event-retention-days", securityEventRetentionDays, 1, MAX_DAYS);
        if (mobileIdleDays > mobileAbsoluteDays) {
            throw new ParameterException(spec.commandLine(), "--mobile-idle-days (" + mobileIdleDays
                    + ") cannot exceed --mobile-absolute-days (" + mobileAbsoluteDays + ")");
        }
        if (trustedProxies.stream().anyMatch(String::isBlank)) {
            throw new ParameterException(spec.commandLine(), "--trusted-proxy needs an address, not an empty value");
        }
        return ServerConfig.defaults()
                .withHost(host)
                .withPort(port)
                .withJdbcUrl(database.jdbcUrl())
                .withDemo(demo)
                .withInitialAdminPassword(terminal.env().get(ADMIN_PASSWORD_VARIABLE))
                .withTrustedProxies(trustedProxies)
                .withMobileTimeouts(Duration.ofDays(mobileIdleDays), Duration.ofDays(mobileAbsoluteDays))
                .withTls(tls.files())
                .withMaxSessionsPerUser(maxSessionsPerUser)
                .withAuditRetention(new AuditService.Retention(Duration.ofDays(auditRetentionDays),
                        Duration.ofDays(securityEventRetentionDays)));
    }

    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value.strip());
                if (port >= 0 && port <= 65_535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new TypeConversionException("a port is a number from 0 to 65535, not '" + value + "'");
        }
    }
}

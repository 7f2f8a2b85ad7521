package com.sessiondesk.server;

import com.sessiondesk.common.AppDirs;
import com.sessiondesk.server.http.Timeouts;
import com.sessiondesk.server.service.AuditService;
import com.sessiondesk.server.tls.TlsFiles;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How to run the session service.
 *
 * @param port 0 picks a free port
 * @param jdbcUrl {@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}
 * @param demo seed the demo agency once, on an empty database
 * @param initialAdminPassword password of the super user {@code admin} created on an empty
 *     database; null creates it with a random password printed once
 * @param clock the service's notion of now (tests move it to expire tokens and throttles)
 * @param heartbeatFlushInterval how often coalesced Last Seen values are written
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} is believed
 * @param mobileIdleTimeout a mobile session unused this long has expired
 * @param mobileAbsoluteTimeout a mobile session this old has expired, used or not
 * @param tls HTTPS with these PEM files; null serves plain HTTP
 * @param auditRetention how long History keeps admin actions and security events; null: 365 and 90 days
 * @param maxSessionsPerUser a mobile login beyond this many active sessions of its user ends the oldest
 */
public record ServerConfig(
        String host,
        int port,
        String jdbcUrl,
        boolean demo,
        String initialAdminPassword,
        Duration adminIdleTimeout,
        Duration adminAbsoluteTimeout,
        Clock clock,
        Duration heartbeatFlushInterval,
        List<String> trustedProxies,
        Duration mobileIdleTimeout,
        Duration mobileAbsoluteTimeout,
        TlsFiles tls,
        AuditService.Retention auditRetention,
        int maxSessionsPerUser) implements Timeouts {

    /**
     * Twice a second: a heartbeat's change reaches the live consoles' push streams within about half
     * a second (the live table's goal: p95 under 1 s from the service to the screen), at two small write
     * transactions a second.
     */
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofMillis(500);
    public static final Duration DEFAULT_MOBILE_IDLE = Duration.ofDays(14);
    public static final Duration DEFAULT_MOBILE_ABSOLUTE = Duration.ofDays(90);
    public static final int DEFAULT_MAX_SESSIONS_PER_USER = 10;

    /** Checks the settings; a null clock or flush interval means the default. */
    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(adminIdleTimeout, "adminIdleTimeout");
        Objects.requireNonNull(adminAbsoluteTimeout, "adminAbsoluteTimeout");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535: " + port);
        }
        if (adminIdleTimeout.isNegative() || adminIdleTimeout.isZero() || adminAbsoluteTimeout.isNegative()
                || adminAbsoluteTimeout.isZero()) {
            throw new IllegalArgumentException("admin token timeouts must be positive");
        }
        if (maxSessionsPerUser < 1) {
            throw new IllegalArgumentException("maxSessionsPerUser must be 1 or more: " + maxSessionsPerUser);
        }
        clock = clock != null ? clock : Clock.systemUTC();
        heartbeatFlushInterval = heartbeatFlushInterval != null ? heartbeatFlushInterval : DEFAULT_FLUSH_INTERVAL;
        trustedProxies = trustedProxies != null ? List.copyOf(trustedProxies) : List.of();
        mobileIdleTimeout = mobileIdleTimeout != null ? mobileIdleTimeout : DEFAULT_MOBILE_IDLE;
        mobileAbsoluteTimeout = mobileAbsoluteTimeout != null ? mobileAbsoluteTimeout : DEFAULT_MOBILE_ABSOLUTE;
        auditRetention = auditRetention != null ? auditRetention : AuditService.Retention.defaults();
    }

    /** The original seven settings; the clock is the system's, the flush interval the default. */
    public ServerConfig(String host, int port, String jdbcUrl, boolean demo, String initialAdminPassword,
            Duration adminIdleTimeout, Duration adminAbsoluteTimeout) {
        this(host, port, jdbcUrl, demo, initialAdminPassword, adminIdleTimeout, adminAbsoluteTimeout,
                Clock.systemUTC(), DEFAULT_FLUSH_INTERVAL, List.of(), DEFAULT_MOBILE_IDLE, DEFAULT_MOBILE_ABSOLUTE, null,
                null, DEFAULT_MAX_SESSIONS_PER_USER);
    }

    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 8080, AppDirs.defaultJdbcUrl(), false, null,
                Duration.ofMinutes(30), Duration.ofHours(8));
    }

    public ServerConfig withHost(String value) {
        return new ServerConfig(value, port, jdbcUrl, demo, initialAdminPassword, adminIdleTimeout,
                adminAbsoluteTimeout, clock, heartbeatFlushInterval, trustedProxies,
                mobileIdleTimeout, mobileAbsoluteTimeout, tls, auditRetention,
                maxSessionsPerUser);
    }

    public ServerConfig withPort(int value) {
        return new ServerConfig(host, value, jdbcUrl, demo, initialAdminPassword, adminIdleTimeout,
                adminAbsoluteTimeout, clock, heartbeatFlushInterval, trustedProxies,
                mobileIdleTimeout, mobileAbsoluteTimeout, tls, auditRetention,
                maxSessionsPerUser);
    }

    public ServerConfig withJdbcUrl(String value) {
        return new ServerConfig(host, port, value, demo, initialAdminPassword, adminIdleTimeout,
                adminAbsoluteTimeout, clock, heartbeatFlushInterval, trustedProxies,
                mobileIdleTimeout, mobileAbsoluteTimeout, tls, auditRetention,
                maxSessionsPerUser);
    }

    public ServerConfig withDemo(boolean value) {
        return new ServerConfig(host, port, jdbcUrl, value, initialAdminPassword, adminIdleTimeout,
                adminAbsoluteTimeout, clock, heartbeatFlushInterval, trustedProxies,
                mobileIdleTimeout, mobileAbsoluteTimeout, tls, auditRetention,
                maxSessionsPerUser);
    }

    public ServerConfig withInitialAdminPassword(String value) {
        return new ServerConfig(host, port, jdbcUrl, demo, value, adminIdleTimeout, adminAbsoluteTimeout,
                clock, heartbeatFlushInterval, trustedProxies, mobileIdleTimeout, mobileAbsoluteTimeout, tls, auditRetention,
                maxSessionsPerUser);
    }

    public ServerConfig withAdminTimeouts(Duration idle, Duration absolute) {
        return new ServerConfig(host, port, jdbcUrl, demo, initialAdminPassword, idle, absolute, clock,
                heartbeatFlushInterval, trustedProxies, mobileIdleTimeout, mobileAbsoluteTimeout, tls, auditRetention,
                maxSessionsPerUser);
    }

    public ServerConfig withClock(Clock value) {
        return new ServerConfig(host, port, jdbcUrl, demo, initialAdminPassword, adminIdleTimeout,
                adminAbsoluteTimeout, value, heartbeatFlushInterval, trustedProxies, mobileIdleTimeout,
                mobileAbsoluteTimeout, tls, auditRetention,
                maxSessionsPerUser);
    }

    public ServerConfig withHeartbeatFlushInterval(Duration value) {
        return new ServerConfig(host, port, jdbcUrl, demo, initialAdminPassword, adminIdleTimeout,
                adminAbsoluteTimeout, clock, value, trustedProxies, mobileIdleTimeout, mobileAbsoluteTimeout, tls, auditRetention,
                maxSessionsPerUser);
    }

    public ServerConfig withTrustedProxies(List<String> value) {
        return new ServerConfig(host, port, jdbcUrl, demo, initialAdminPassword, adminIdleTimeout,
                adminAbsoluteTimeout, clock, heartbeatFlushInterval, value, mobileIdleTimeout, mobileAbsoluteTimeout, tls, auditRetention,
                maxSessionsPerUser);
    }

    public ServerConfig withMobileTimeouts(Duration idle, Duration absolute) {
        return new ServerConfig(host, port, jdbcUrl, demo, initialAdminPassword, adminIdleTimeout,
                adminAbsoluteTimeout, clock, heartbeatFlushInterval, trustedProxies, idle, absolute, tls, auditRetention,
                maxSessionsPerUser);
    }

    public ServerConfig withTls(TlsFiles value) {
        return new ServerConfig(host, port, jdbcUrl, demo, initialAdminPassword, adminIdleTimeout,
                adminAbsoluteTimeout, clock, heartbeatFlushInterval, trustedProxies, mobileIdleTimeout,
                mobileAbsoluteTimeout, value, auditRetention,
                maxSessionsPerUser);
    }

    public ServerConfig withAuditRetention(AuditService.Retention value) {
        return new ServerConfig(host, port, jdbcUrl, demo, initialAdminPassword, adminIdleTimeout,
                adminAbsoluteTimeout, clock, heartbeatFlushInterval, trustedProxies, mobileIdleTimeout,
                mobileAbsoluteTimeout, tls, value, maxSessionsPerUser);
    }

    public ServerConfig withMaxSessionsPerUser(int value) {
        return new ServerConfig(host, port, jdbcUrl, demo, initialAdminPassword, adminIdleTimeout,
                adminAbsoluteTimeout, clock, heartbeatFlushInterval, trustedProxies, mobileIdleTimeout,
                mobileAbsoluteTimeout, tls, auditRetention, value);
    }
}

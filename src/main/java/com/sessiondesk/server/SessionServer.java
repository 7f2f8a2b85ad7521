package com.sessiondesk.server;

import com.sessiondesk.server.http.AdminAuthRoutes;
import com.sessiondesk.server.http.ClientAddress;
import com.sessiondesk.server.http.HttpApi;
import com.sessiondesk.server.http.Services;
import com.sessiondesk.server.observability.Metrics;
import com.sessiondesk.server.observability.RequestLog;
import com.sessiondesk.server.security.DeviceTickets;
import com.sessiondesk.server.service.AuditService;
import com.sessiondesk.server.security.HashingQueue;
import com.sessiondesk.server.push.DeviceStreams;
import com.sessiondesk.server.security.LoginThrottle;
import com.sessiondesk.server.security.PasswordPolicy;
import com.sessiondesk.server.security.Passwords;
import com.sessiondesk.server.security.Tokens;
import com.sessiondesk.server.store.Database;
import com.sessiondesk.server.store.DatabaseLock;
import com.sessiondesk.server.store.HeartbeatBuffer;
import com.sessiondesk.server.store.JdbcStore;
import com.sessiondesk.server.store.Migrations;
import com.sessiondesk.server.store.Records.Credentials;
import com.sessiondesk.server.store.SessionFeed;
import com.sessiondesk.server.tls.ServerTls;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session service: HTTP API v1 over a JDBC store. Started headless by {@code serve}, and
 * in-process by the desktop client's embedded default and by the tests.
 */
public final class SessionServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionServer.class);
    static final String ADMIN_USERNAME = "admin";

    private final ServerConfig config;
    private final Database db;
    private final JdbcStore store;
    private final Services services;
    private final HttpApi http;
    private final ScheduledExecutorService flusher;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final DeviceStreams streams;
    private final ServerTls tls;
    private final DatabaseLock running;

    private SessionServer(ServerConfig config, Database db, JdbcStore store, Services services, HttpApi http,
            ScheduledExecutorService flusher, DeviceStreams streams, ServerTls tls, DatabaseLock running) {
        this.config = config;
        this.running = running;
        this.tls = tls;
        this.streams = streams;
        this.db = db;
        this.store = store;
        this.services = services;
        this.http = http;
        this.flusher = flusher;
    }

    /** Migrates the database, seeds it if asked, and answers on the configured host and port. */
    public static SessionServer start(ServerConfig config) {
        return start(config, null);
    }

    /** As {@link #start(ServerConfig)}, counting into {@code metrics} when not null (serve --metrics-port). */
    public static SessionServer start(ServerConfig config, Metrics metrics) {
        long startedAt = System.nanoTime();
        Clock clock = config.clock();
        String configured = config.initialAdminPassword();
        if (configured != null && !configured.isEmpty()) {
            PasswordPolicy.problem(configured, true).ifPresent(problem -> {
                throw new IllegalArgumentException("SESSIONDESK_ADMIN_PASSWORD: " + problem);
            });
        }
        ServerTls tls = config.tls() == null ? null : ServerTls.load(config.tls());
        DatabaseLock running = DatabaseLock.forService(config.jdbcUrl()); // restore refuses while it is held
        Database db;
        try {
            db = Database.open(config.jdbcUrl());
        } catch (RuntimeException e) {
            release(running);
            throw e;
        }
        JdbcStore store = null;
        HttpApi http = null;
        HashingQueue hashing = null;
        DeviceStreams streams = null;
        try {
            new Migrations(db).run();
            store = new JdbcStore(db, clock);
            // PBKDF2 of the first admin's password takes a second in a cold JVM: hash it while
            // Jetty starts and the demo is seeded.
            CompletableFuture<FirstAdmin> firstAdmin = store.hasUsers() ? null
                    : CompletableFuture.supplyAsync(() -> FirstAdmin.of(config.initialAdminPassword()),
                            runnable -> new Thread(runnable, "sessiondesk-first-admin").start());
            HeartbeatBuffer heartbeats = new HeartbeatBuffer(store);
            hashing = HashingQueue.forThisMachine();
            Services services = new Services(store, config, clock, new LoginThrottle(store, clock), heartbeats,
                    hashing, new DeviceTickets(store.metaIfAbsent(DeviceTickets.KEY_META, DeviceTickets.newSecret())),
                    new ClientAddress(config.trustedProxies()));
            streams = new DeviceStreams(store, clock);
            http = new HttpApi(services, streams, new RequestLog(metrics), tls == null ? javalin -> { }
                    : javalin -> javalin.jetty.addConnector(
                            (jetty, httpConfig) -> tls.connector(jetty, httpConfig, config.host(), config.port())));
            // Ready means ready: the port answers 503 service_busy (server/http/StartupGate) until
            // the demo is seeded and the first super user exists, then 200 on /api/v1/health.
            http.app().start(config.host(), config.port());
            if (tls != null) {
                tls.watch();
            }
            if (metrics != null) {
                metrics.watchJetty(http.app().jettyServer().server());
                metrics.watch(new ServiceGauges(store, hashing, streams, heartbeats));
            }
            if (config.demo()) {
                seedDemo(store, firstAdmin != null, clock.millis());
            }
            if (firstAdmin != null) {
                firstAdmin.join().create(store, clock.millis());
            }
            streams.start();
            http.ready();
            ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "sessiondesk-heartbeat-flush");
                thread.setDaemon(true);
                return thread;
            });
            long every = Math.max(10, config.heartbeatFlushInterval().toMillis());
            flusher.scheduleWithFixedDelay(heartbeats::flush, every, every, TimeUnit.MILLISECONDS);
            flusher.scheduleWithFixedDelay(() -> housekeeping(services), 10, 10, TimeUnit.MINUTES);
            SessionServer server = new SessionServer(config, db, store, services, http, flusher, streams, tls, running);
            flusher.scheduleWithFixedDelay(server::pruneSessionFeedQuietly, 1, 1, TimeUnit.MINUTES);
            flusher.scheduleWithFixedDelay(server::pruneAuditQuietly, 0, 1, TimeUnit.DAYS); // at start, then daily
            LOG.info("SessionDesk session service listening on {} ({}, started in {} ms)", server.baseUrl(),
                    db.dialect().folder(), (System.nanoTime() - startedAt) / 1_000_000);
            return server;
        } catch (RuntimeException e) {
            if (streams != null) {
                streams.close();
            }
            if (http != null) {
                http.app().stop();
            }
            if (hashing != null) {
                hashing.close();
            }
            if (tls != null) {
                tls.close();
            }
            if (store != null) {
                store.close();
            }
            db.close();
            release(running);
            throw e;
        }
    }

    private static void release(DatabaseLock running) {
        if (running != null) {
            running.close();
        }
    }

    /**
     * {@code --demo} seeds only an empty database (or one that has the demo already): never the
     * operator's real data. Says so on standard output when it refuses.
     */
    private static void seedDemo(JdbcStore store, boolean empty, long now) {
        if (DemoAgency.isSeeded(store)) {
            LOG.info("The demo agency is already in this database.");
        } else if (!empty) {
            System.out.println("This database already has users: the demo agency was not added (--demo seeds "
                    + "only an empty database).");
        } else {
            DemoAgency.seedOnce(store, now);
            LOG.info("Seeded the demo agency.");
        }
    }

    /**
     * Every 10 minutes: forgets login throttle counters that can no longer throttle anyone, and ends
     * the mobile sessions that outlived their lifetimes without calling again (so that they leave
     * the Active Sessions list; one that calls is ended at once by the access filter).
     */
    private static void housekeeping(Services services) {
        try {
            services.throttle().purge();
            long now = services.now();
            int expired = services.store().expireSessions(now - services.timeouts().mobileIdleTimeout().toMillis(),
                    now - services.timeouts().mobileAbsoluteTimeout().toMillis(), now);
            if (expired > 0) {
                LOG.info("{} idle or too old mobile sessions expired", expired);
            }
        } catch (RuntimeException e) {
            LOG.warn("housekeeping failed (will try again): {}", e.toString());
        }
    }

    /** The super user {@code admin} of an empty database: the given or a random password, hashed. */
    private record FirstAdmin(String password, boolean generated, String hash) {

        static FirstAdmin of(String configured) {
            boolean generated = configured == null || configured.isEmpty();
            String password = generated ? Tokens.randomUrlSafe(12) : configured;
            return new FirstAdmin(password, generated, Passwords.hash(password));
        }

        void create(JdbcStore store, long now) {
            if (store.createUser(ADMIN_USERNAME, "Administrator", hash, true, now) && generated) {
                // Deliberately on stdout, once, not in the log: the operator needs it to sign in.
                System.out.println("Created the super user 'admin' with the password: " + password
                        + "  (shown only this once; set SESSIONDESK_ADMIN_PASSWORD to choose it)");
            }
        }
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return http.app().port();
    }

    /** The root URL, e.g. {@code http://127.0.0.1:41234/} ({@code https} with TLS). */
    public String baseUrl() {
        String host = config.host();
        if (host.contains(":")) {
            host = "[" + host + "]";
        } else if (host.equals("0.0.0.0")) {
            host = "127.0.0.1";
        }
        return (tls != null ? "https://" : "http://") + host + ":" + port() + "/";
    }

    /** Every route registered, as "METHOD /path" with path parameters written {@code {id}}. */
    public List<String> routes() {
        return http.routes();
    }

    /**
     * Issues an admin token for a super user in-process, without a password: the embedded
     * client signs in with it. Never reachable over HTTP.
     *
     * @throws IllegalArgumentException when the user is not an active (unblocked) super user
     */
    public String issueAdminToken(String username) {
        Credentials user = store.credentials(username)
                .filter(Credentials::superUser)
                .filter(u -> !u.blocked())
                .orElseThrow(() -> new IllegalArgumentException("not an active super user: " + username));
        return new AdminAuthRoutes(services).issueToken(user, services.now());
    }

    /**
     * Creates a user in-process (tests and tools; over HTTP users are not created). The password is
     * hashed like any other.
     *
     * @throws IllegalArgumentException when the username is taken or a field is empty
     */
    public void addUser(String username, String name, String password, boolean superUser) {
        if (username == null || username.isBlank() || name == null || name.isBlank() || password == null
                || password.isEmpty()) {
            throw new IllegalArgumentException("username, name and password are required");
        }
        PasswordPolicy.problem(password, superUser).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        if (!store.createUser(username, name, Passwords.hash(password), superUser, services.now())) {
            throw new IllegalArgumentException("the user already exists: " + username);
        }
    }

    /**
     * Drops the change feed's rows older than {@link SessionFeed#RETENTION_MILLIS} (by the service's
     * clock); cursors up to them expire (410). Runs every minute; tests call it after moving the clock.
     */
    public int pruneSessionFeed() {
        return store.pruneSessionFeed(services.now() - SessionFeed.RETENTION_MILLIS);
    }

    private void pruneSessionFeedQuietly() {
        try {
            pruneSessionFeed();
        } catch (RuntimeException e) {
            LOG.warn("Could not prune the session feed, will retry: {}", e.getMessage());
        }
    }

    /**
     * Deletes the History rows older than their retention ({@code --audit-retention-days} for admin
     * actions, {@code --security-event-retention-days} for security events; by the service's clock);
     * returns how many. Runs at start and daily; tests call it after moving the clock.
     */
    public int pruneAudit() {
        return new AuditService(store).prune(config.auditRetention(), services.now());
    }

    private void pruneAuditQuietly() {
        try {
            int pruned = pruneAudit();
            if (pruned > 0) {
                LOG.info("{} History rows older than their retention deleted", pruned);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not prune History, will retry tomorrow: {}", e.getMessage());
        }
    }

    /** How many device event streams this instance holds (tests and benchmarks). */
    public int openStreams() {
        return streams.size();
    }

    /** The store, for in-process tools ({@link BulkLoad}, {@link DemoAgency}). */
    JdbcStore store() {
        return store;
    }

    /** Flushes coalesced heartbeats, stops HTTP, closes the pool. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            streams.close();
            http.app().stop();
        } finally {
            if (tls != null) {
                tls.close();
            }
            flusher.shutdown();
            try {
                flusher.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                services.heartbeats().flush();
            } finally {
                services.hashing().close();
                store.close();
                db.close();
                release(running);
            }
        }
    }
}

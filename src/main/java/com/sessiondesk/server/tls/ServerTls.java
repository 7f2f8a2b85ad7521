package com.sessiondesk.server.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTPS for the service: one Jetty connector that speaks TLS 1.2 or 1.3 only (plain HTTP on that
 * port fails the handshake and the connection is closed), and a watcher that reads the PEM files
 * again every {@link TlsFiles#checkEvery()}: when their content changed and the new pair is valid,
 * new connections get it ({@link SslContextFactory#reload}); open connections keep theirs. A pair
 * that cannot be used (a renewal half written) is logged and the old certificate stays.
 */
public final class ServerTls implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final TlsFiles files;
    private final SslContextFactory.Server context = new SslContextFactory.Server();
    private ScheduledExecutorService watcher;
    private byte[] loadedDigest;
    private byte[] failedDigest;
    private PemCredentials current;

    private ServerTls(TlsFiles files, PemCredentials first, byte[] digest) {
        this.files = files;
        this.current = first;
        this.loadedDigest = digest;
        context.setKeyStore(first.keyStore());
        context.setKeyStorePassword(PemCredentials.PASSWORD);
        context.setKeyManagerPassword(PemCredentials.PASSWORD);
        context.setIncludeProtocols(PROTOCOLS);
        context.setExcludeProtocols("SSL", "SSLv2", "SSLv2Hello", "SSLv3", "TLSv1", "TLSv1.1");
    }

    /** Reads the files; throws IllegalArgumentException saying which file is wrong and why. */
    public static ServerTls load(TlsFiles files) {
        byte[] digest = digest(files);
        return new ServerTls(files, PemCredentials.read(files.certificate(), files.key()), digest);
    }

    /** The HTTPS connector on this host and port, for Javalin's {@code config.jetty.addConnector}. */
    public ServerConnector connector(Server server, HttpConfiguration base, String host, int port) {
        HttpConfiguration https = new HttpConfiguration(base);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // the client checks the name; an address not in the certificate is its call
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(context, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    /** Starts checking the files for a renewal. */
    public synchronized void watch() {
        if (watcher != null) {
            return;
        }
        LOG.info("TLS certificate: {}", current.describe());
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sessiondesk-tls-reload");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(10, files.checkEvery().toMillis());
        watcher.scheduleWithFixedDelay(this::reloadIfChanged, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Reads the files; when their content changed since the last use and they hold a valid pair,
     * serves the new certificate to new connections. True when it reloaded.
     */
    public synchronized boolean reloadIfChanged() {
        byte[] digest;
        try {
            digest = digest(files);
        } catch (IllegalArgumentException e) {
            LOG.warn("TLS: {}; still serving the previous certificate", e.getMessage());
            return false;
        }
        if (Arrays.equals(digest, loadedDigest) || Arrays.equals(digest, failedDigest)) {
            return false;
        }
        try {
            PemCredentials next = PemCredentials.read(files.certificate(), files.key());
            context.reload(factory -> factory.setKeyStore(next.keyStore()));
            current = next;
            loadedDigest = digest;
            failedDigest = null;
            LOG.info("TLS certificate reloaded: {}", next.describe());
            return true;
        } catch (Exception e) {
            failedDigest = digest; // said once; tried again when the files change again
            LOG.warn("TLS: the changed files cannot be used ({}); still serving the previous certificate",
                    e.getMessage());
            return false;
        }
    }

    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
        }
    }

    /** SHA-256 over both files' bytes: a renewal that keeps the modification time is still seen. */
    private static byte[] digest(TlsFiles files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Files.readAllBytes(files.certificate()));
            sha.update((byte) 0);
            sha.update(Files.readAllBytes(files.key()));
            return sha.digest();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

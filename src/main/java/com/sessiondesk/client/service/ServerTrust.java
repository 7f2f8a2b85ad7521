package com.sessiondesk.client.service;

import com.sessiondesk.client.common.CertificateRefusal;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Which server certificates the client accepts: those the system's trust store vouches for, plus
 * the certificates given with {@code --trust-cert} (an office's self-signed one). Verification is
 * the JDK's own (PKIX); a refusal becomes a {@link CertificateRefusal} naming the certificate's
 * SHA-256 fingerprint. Never trust-all.
 */
public final class ServerTrust {

    private final X509ExtendedTrustManager trustManager;
    private final SSLSocketFactory socketFactory;

    private ServerTrust(X509ExtendedTrustManager trustManager) {
        this.trustManager = new Refusing(trustManager);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {this.trustManager}, null);
            this.socketFactory = context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this Java runtime", e);
        }
    }

    /**
     * The operating system's certificate bundles (Debian/Ubuntu, Fedora/RHEL): an authority the
     * administrator added with {@code update-ca-certificates} is trusted too, also by the installed
     * app, whose own Java runtime carries only the JDK's {@code cacerts}.
     */
    static final List<Path> OS_BUNDLES = List.of(Path.of("/etc/ssl/certs/ca-certificates.crt"),
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"));

    /** The system's trust store (the Java runtime's and the operating system's) and these certificates. */
    public static ServerTrust systemAnd(List<X509Certificate> extra) {
        return of(OS_BUNDLES, extra);
    }

    /** The Java runtime's trust store, the bundles that exist among {@code bundles}, and {@code extra}. */
    static ServerTrust of(List<Path> bundles, List<X509Certificate> extra) {
        try {
            X509TrustManager runtime = trustManager(null);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (X509Certificate authority : runtime.getAcceptedIssuers()) {
                store.setCertificateEntry("runtime-" + n++, authority);
            }
            for (Path bundle : bundles) {
                for (X509Certificate authority : bundle(bundle)) {
                    store.setCertificateEntry("os-" + n++, authority);
                }
            }
            for (X509Certificate certificate : extra) {
                store.setCertificateEntry("trusted-" + n++, certificate);
            }
            return new ServerTrust((X509ExtendedTrustManager) trustManager(store));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot read the system's trust store: " + e.getMessage(), e);
        }
    }

    /** A bundle's certificates; none when it is missing or unreadable (the others still count). */
    private static List<X509Certificate> bundle(Path file) {
        try {
            return Files.isReadable(file) ? read(file) : List.of();
        } catch (IllegalArgumentException unreadable) {
            return List.of();
        }
    }

    /** The certificates of a PEM (or DER) file; throws IllegalArgumentException naming the problem. */
    public static List<X509Certificate> read(Path file) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                certificates.add((X509Certificate) certificate);
            }
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("--trust-cert: no such file: " + file);
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("--trust-cert: " + file + " holds no readable certificate ("
                    + e.getMessage() + ")");
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("--trust-cert: " + file + " holds no certificate (expected "
                    + "-----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    public X509TrustManager trustManager() {
        return trustManager;
    }

    public SSLSocketFactory socketFactory() {
        return socketFactory;
    }

    /** SHA-256 of the certificate, colon-separated upper-case hex as browsers and openssl show it. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    /** The JDK's checks, a refusal rethrown with the fingerprint of the server's certificate. */
    private static final class Refusing extends X509ExtendedTrustManager {

        private final X509ExtendedTrustManager checks;

        Refusing(X509ExtendedTrustManager checks) {
            this.checks = checks;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            try {
                checks.checkServerTrusted(chain, authType, socket);
            } catch (CertificateException e) {
                throw refusal(chain, e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            try {
                checks.checkServerTrusted(chain, authType, engine);
            } catch (CertificateException e) {
                throw refusal(chain, e);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                checks.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                throw refusal(chain, e);
            }
        }

        private static CertificateException refusal(X509Certificate[] chain, CertificateException e) {
            return chain == null || chain.length == 0 ? e : new CertificateRefusal(fingerprint(chain[0]), e);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            checks.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            checks.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            checks.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return checks.getAcceptedIssuers();
        }
    }
}

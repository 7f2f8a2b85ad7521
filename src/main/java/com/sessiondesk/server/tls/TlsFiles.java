package com.sessiondesk.server.tls;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The service's TLS: PEM files as a certificate authority or an ACME client writes them, and how
 * often they are checked for a renewal.
 *
 * @param certificate the certificate chain, the server's own certificate first
 * @param key its private key: PKCS#8 ({@code BEGIN PRIVATE KEY}), PKCS#1 ({@code BEGIN RSA PRIVATE
 *     KEY}) or EC ({@code BEGIN EC PRIVATE KEY}), not encrypted
 * @param checkEvery how often both files are read again; a changed pair is served to new connections
 */
public record TlsFiles(Path certificate, Path key, Duration checkEvery) {

    public static final Duration DEFAULT_CHECK = Duration.ofSeconds(10);

    public TlsFiles {
        Objects.requireNonNull(certificate, "certificate");
        Objects.requireNonNull(key, "key");
        checkEvery = checkEvery != null ? checkEvery : DEFAULT_CHECK;
    }

    public TlsFiles(Path certificate, Path key) {
        this(certificate, key, DEFAULT_CHECK);
    }

    public TlsFiles withCheckEvery(Duration value) {
        return new TlsFiles(certificate, key, value);
    }
}

package com.sessiondesk.client.common;

import java.security.cert.CertificateException;

/**
 * The client refused the server's certificate: no authority of the system's trust store signed it
 * and it is not one given with {@code --trust-cert} (an unknown or a changed certificate). Carries
 * the refused certificate's SHA-256 fingerprint, which the window shows.
 */
public final class CertificateRefusal extends CertificateException {

    private final String fingerprint;

    public CertificateRefusal(String fingerprint, Throwable cause) {
        super("the server's certificate (SHA-256 " + fingerprint + ") is not trusted: " + cause.getMessage(), cause);
        this.fingerprint = fingerprint;
    }

    public String fingerprint() {
        return fingerprint;
    }
}

package com.sessiondesk.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * A certificate chain and its private key read from PEM files (Bouncy Castle's PEM parser), checked
 * to belong together, as an in-memory key store for Jetty.
 *
 * @param chain the server's certificate first
 * @param keyStore a PKCS#12 store holding the key and chain under {@link #ALIAS}, password {@link #PASSWORD}
 */
public record PemCredentials(List<X509Certificate> chain, KeyStore keyStore) {

    static final String ALIAS = "sessiondesk";
    /** Protects the store in memory only; the key itself comes from a file the operator protects. */
    static final String PASSWORD = "in-memory";

    /** Reads both files; throws IllegalArgumentException naming the file and the problem. */
    public static PemCredentials read(Path certificateFile, Path keyFile) {
        List<X509Certificate> chain = certificates(certificateFile);
        PrivateKey key = privateKey(keyFile);
        if (!matches(key, chain.get(0))) {
            throw new IllegalArgumentException("the key in " + keyFile + " does not belong to the certificate in "
                    + certificateFile);
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, PASSWORD.toCharArray(), chain.toArray(X509Certificate[]::new));
            return new PemCredentials(List.copyOf(chain), store);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot use the key of " + keyFile + ": " + e.getMessage(), e);
        }
    }

    /** The server's certificate, in words for the log: subject, expiry, SHA-256 fingerprint. */
    public String describe() {
        X509Certificate leaf = chain.get(0);
        return leaf.getSubjectX500Principal().getName() + ", valid until " + leaf.getNotAfter().toInstant()
                + ", SHA-256 " + fingerprint(leaf);
    }

    /** The SHA-256 fingerprint as colon-separated upper-case hex, as browsers and openssl show it. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<X509Certificate> certificates(Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser pem = parser(file)) {
            for (Object item; (item = pem.readObject()) != null; ) {
                if (item instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw unreadable(file, "a PEM certificate chain", e);
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no certificate (expected -----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    private static PrivateKey privateKey(Path file) {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser pem = parser(file)) {
            for (Object item; (item = pem.readObject()) != null; ) {
                if (item instanceof PrivateKeyInfo pkcs8) {
                    return converter.getPrivateKey(pkcs8);
                }
                if (item instanceof PEMKeyPair pair) { // PKCS#1 RSA or SEC1 EC (its public key is optional)
                    return converter.getPrivateKey(pair.getPrivateKeyInfo());
                }
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, "a PEM private key", e);
        }
        throw new IllegalArgumentException(file + " holds no unencrypted private key (expected -----BEGIN PRIVATE KEY-----, "
                + "-----BEGIN RSA PRIVATE KEY----- or -----BEGIN EC PRIVATE KEY-----)");
    }

    private static PEMParser parser(Path file) throws IOException {
        Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        return new PEMParser(reader);
    }

    private static IllegalArgumentException unreadable(Path file, String what, Exception e) {
        String reason = e instanceof NoSuchFileException ? "no such file"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new IllegalArgumentException("cannot read " + what + " from " + file + ": " + reason, e);
    }

    /** Signs a few bytes with the key and verifies them with the certificate's public key. */
    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm().toUpperCase(Locale.ROOT)) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "ED25519" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            throw new IllegalArgumentException("unsupported key type " + key.getAlgorithm() + " (RSA or EC)");
        }
        try {
            byte[] probe = "sessiondesk".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}

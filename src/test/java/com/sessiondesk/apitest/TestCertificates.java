package com.sessiondesk.apitest;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.util.io.pem.PemObjectGenerator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Self-signed server certificates made in the test (Bouncy Castle), for 127.0.0.1 and their common name,
 * written as the PEM files a certificate authority or ACME client writes.
 */
public final class TestCertificates {

    /** How the private key is written. */
    public enum KeyFormat {
        /** RSA, {@code BEGIN PRIVATE KEY}. */
        RSA_PKCS8,
        /** RSA, {@code BEGIN RSA PRIVATE KEY} (OpenSSL's traditional format). */
        RSA_PKCS1,
        /** P-256, {@code BEGIN EC PRIVATE KEY}. */
        EC_SEC1
    }

    /** A certificate and its key. */
    public record Issued(X509Certificate certificate, KeyPair keys, KeyFormat format) {

        /** Writes the certificate and key files (replacing them). */
        public Issued writeTo(Path certificateFile, Path keyFile) {
            try {
                Files.writeString(certificateFile, pem(certificate), StandardCharsets.US_ASCII);
                Object key = switch (format) {
                    case RSA_PKCS8 -> new JcaPKCS8Generator(keys.getPrivate(), null);
                    case RSA_PKCS1 -> keys.getPrivate(); // JcaPEMWriter writes a bare RSA key as PKCS#1
                    case EC_SEC1 -> sec1(keys);
                };
                Files.writeString(keyFile, pem(key), StandardCharsets.US_ASCII);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private TestCertificates() {
    }

    public static Issued selfSigned(String commonName, KeyFormat format) {
        return selfSigned(commonName, format, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(30)));
    }

    public static Issued selfSigned(String commonName, KeyFormat format, Instant from, Instant until) {
        try {
            KeyPairGenerator generator;
            if (format == KeyFormat.EC_SEC1) {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
            }
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=" + commonName);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(System.nanoTime()), Date.from(from), Date.from(until), name, keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, commonName)}));
            String algorithm = format == KeyFormat.EC_SEC1 ? "SHA256withECDSA" : "SHA256withRSA";
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())));
            return new Issued(certificate, keys, format);
        } catch (GeneralSecurityException | IOException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SEC1 as OpenSSL writes it: the curve and the public key inside. */
    private static PemObject sec1(KeyPair keys) throws IOException {
        PrivateKeyInfo pkcs8 = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(pkcs8.parsePrivateKey());
        byte[] publicKey = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData().getBytes();
        ECPrivateKey full = new ECPrivateKey(256, inner.getKey(), new DERBitString(publicKey),
                pkcs8.getPrivateKeyAlgorithm().getParameters());
        return new PemObject("EC PRIVATE KEY", full.getEncoded());
    }

    private static String pem(Object item) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            if (item instanceof PemObjectGenerator generator) {
                writer.writeObject(generator);
            } else {
                writer.writeObject(item);
            }
        }
        return text.toString();
    }
}

package com.sessiondesk.client.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.apitest.TestCertificates;
import com.sessiondesk.apitest.TestCertificates.Issued;
import com.sessiondesk.apitest.TestCertificates.KeyFormat;
import com.sessiondesk.client.common.CertificateRefusal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client's trust: the runtime's store, the operating system's bundles, --trust-cert; a refusal names the fingerprint. */
class ServerTrustTest {

    @TempDir
    Path dir;

    @Test
    void anAuthorityInTheOperatingSystemsBundleIsTrusted() throws Exception {
        Issued office = TestCertificates.selfSigned("office.lan", KeyFormat.EC_SEC1)
                .writeTo(dir.resolve("bundle.crt"), dir.resolve("key.pem"));
        Path bundle = dir.resolve("bundle.crt");
        X509Certificate[] chain = {office.certificate()};
        ServerTrust.of(List.of(dir.resolve("missing.crt"), bundle), List.of()).trustManager()
                .checkServerTrusted(chain, "ECDHE_ECDSA");
        Files.writeString(dir.resolve("junk.crt"), "not a certificate");
        assertThatThrownBy(() -> ServerTrust.of(List.of(dir.resolve("junk.crt")), List.of()).trustManager()
                .checkServerTrusted(chain, "ECDHE_ECDSA"))
                .isInstanceOf(CertificateRefusal.class)
                .satisfies(e -> assertThat(((CertificateRefusal) e).fingerprint())
                        .isEqualTo(ServerTrust.fingerprint(office.certificate())))
                .hasMessageContaining(ServerTrust.fingerprint(office.certificate()));
    }

    @Test
    void trustCertReadsEveryCertificateOfAFileAndNamesAProblem() throws Exception {
        Issued one = TestCertificates.selfSigned("one.lan", KeyFormat.RSA_PKCS8)
                .writeTo(dir.resolve("one.pem"), dir.resolve("one-key.pem"));
        Issued two = TestCertificates.selfSigned("two.lan", KeyFormat.EC_SEC1)
                .writeTo(dir.resolve("two.pem"), dir.resolve("two-key.pem"));
        Path both = Files.writeString(dir.resolve("both.pem"), Files.readString(dir.resolve("one.pem"))
                + Files.readString(dir.resolve("two.pem")));
        assertThat(ServerTrust.read(both)).containsExactly(one.certificate(), two.certificate());
        assertThatThrownBy(() -> ServerTrust.read(dir.resolve("one-key.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("--trust-cert: ");
    }
}

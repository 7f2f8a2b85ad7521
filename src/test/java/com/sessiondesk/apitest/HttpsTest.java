package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sessiondesk.ServerMain;
import com.sessiondesk.apitest.TestCertificates.Issued;
import com.sessiondesk.apitest.TestCertificates.KeyFormat;
import com.sessiondesk.cli.TestTerminal;
import com.sessiondesk.client.common.ClientSettings;
import com.sessiondesk.client.common.FailureTranslator;
import com.sessiondesk.client.common.TaskRunner;
import com.sessiondesk.client.connect.ConnectViewModel;
import com.sessiondesk.client.common.Messages;
import com.sessiondesk.client.service.AdminService;
import com.sessiondesk.client.service.Connector;
import com.sessiondesk.client.service.ServerTrust;
import com.sessiondesk.server.SessionServer;
import com.sessiondesk.server.tls.TlsFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --tls-cert --tls-key}: HTTPS end to end with the desktop client's HTTP service, TLS
 * 1.2+ only, plain HTTP refused on the port, a renewed certificate served without a restart, and
 * the client's trust: the system's trust store or {@code --trust-cert}, a refusal otherwise.
 */
class HttpsTest {

    @TempDir
    Path dir;

    private Path certFile;
    private Path keyFile;
    private Issued first;
    private SessionServer server;

    @BeforeEach
    void startHttps() {
        certFile = dir.resolve("fullchain.pem");
        keyFile = dir.resolve("privkey.pem");
        first = TestCertificates.selfSigned("first.office.test", KeyFormat.RSA_PKCS1).writeTo(certFile, keyFile);
        server = SessionServer.start(TestServers.config(TestServers.newSqliteUrl(), true)
                .withTls(new TlsFiles(certFile, keyFile, Duration.ofMillis(100))));
    }

    @AfterEach
    void stop() {
        server.close();
        Messages.use(Locale.ENGLISH);
    }

    @Test
    void theClientSignsInAndListsSessionsOverHttpsWithTrustCert() throws Exception {
        assertThat(server.baseUrl()).startsWith("https://127.0.0.1:");
        assertThat(Files.readString(keyFile)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        AdminService admin = trusting(first.certificate()).signIn(server.baseUrl(), TestServers.ADMIN,
                TestServers.ADMIN_PASSWORD);
        assertThat(admin.sessions().sessions()).isNotEmpty();
    }

    @Test
    void anUntrustedCertificateIsRefusedNamingItsFingerprint() {
        Connector system = new Connector(Duration.ofSeconds(5), Duration.ofSeconds(10));
        Throwable refused = catchSignIn(system);
        assertThat(refused).isInstanceOf(SSLHandshakeException.class);
        String fingerprint = ServerTrust.fingerprint(first.certificate());
        assertThat(FailureTranslator.translate(refused).message())
                .startsWith("Refused: the server's certificate is not trusted.").contains(fingerprint, "--trust-cert");
        Messages.use(Locale.forLanguageTag("es"));
        assertThat(FailureTranslator.translate(refused).message())
                .startsWith("Rechazado: el certificado del servidor no es de confianza.").contains(fingerprint);
    }

    @Test
    void theConnectScreenShowsTheRefusalAndDoesNotSignIn() throws IOException {
        List<AdminService> signedIn = new java.util.ArrayList<>();
        Connector system = new Connector(Duration.ofSeconds(5), Duration.ofSeconds(10));
        ConnectViewModel screen = new ConnectViewModel(TaskRunner.inline(), system::signIn,
                new ClientSettings(Files.createDirectories(dir.resolve("settings"))), signedIn::add);
        screen.prefill(server.baseUrl(), TestServers.ADMIN, null);
        screen.passwordProperty().set(TestServers.ADMIN_PASSWORD);
        screen.signIn();
        assertThat(signedIn).isEmpty();
        assertThat(screen.messageProperty().get()).startsWith("Refused: the server's certificate is not trusted.")
                .contains(ServerTrust.fingerprint(first.certificate()));

        ConnectViewModel trusted = new ConnectViewModel(TaskRunner.inline(), trusting(first.certificate())::signIn,
                new ClientSettings(dir.resolve("settings")), signedIn::add);
        trusted.prefill(server.baseUrl(), TestServers.ADMIN, null);
        trusted.passwordProperty().set(TestServers.ADMIN_PASSWORD);
        trusted.signIn();
        assertThat(trusted.messageProperty().get()).isNull();
        assertThat(signedIn).hasSize(1);
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        Throwable refused = catchSignIn(trusting(first.certificate()), "https://localhost:" + server.port() + "/");
        assertThat(FailureTranslator.translate(refused).message())
                .isEqualTo("Refused: the server's certificate is not made for this address. Use the name the "
                        + "certificate was made for.");
    }

    @Test
    void onlyTls12AndNewerAreSpoken() throws IOException {
        assertThat(firstRecord(clientHello(3))).as("a TLS 1.2 hello gets a server hello").startsWith(0x16);
        assertThat(firstRecord(clientHello(2))).as("a TLS 1.1 hello gets a protocol_version alert")
                .containsExactly(0x15, 0x03, -1, 0x00, 0x02, 0x02, 70);
        assertThat(firstRecord(clientHello(1))).as("TLS 1.0").containsExactly(0x15, 0x03, -1, 0x00, 0x02, 0x02, 70);
    }

    @Test
    void plainHttpOnTheTlsPortIsRefused() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String reply = new String(readUntilClosed(socket.getInputStream()), StandardCharsets.ISO_8859_1);
            assertThat(reply).doesNotContain("HTTP/1.1").doesNotContain("ok");
        }
    }

    @Test
    void aRenewedCertificateIsServedWithoutARestart() throws Exception {
        Issued renewed = TestCertificates.selfSigned("renewed.office.test", KeyFormat.EC_SEC1);
        renewed.writeTo(certFile, keyFile);
        assertThat(Files.readString(keyFile)).startsWith("-----BEGIN EC PRIVATE KEY-----");
        awaitServed(renewed.certificate());
        assertThat(trusting(renewed.certificate()).signIn(server.baseUrl(), TestServers.ADMIN,
                TestServers.ADMIN_PASSWORD).sessions().sessions()).isNotEmpty();
        // A client that trusted the old certificate refuses the changed one, naming the new fingerprint.
        assertThat(FailureTranslator.translate(catchSignIn(trusting(first.certificate()))).message())
                .contains(ServerTrust.fingerprint(renewed.certificate()));

        // Half a renewal (the certificate written, its key not yet): the served certificate stays.
        Issued third = TestCertificates.selfSigned("third.office.test", KeyFormat.RSA_PKCS8);
        Path otherKey = dir.resolve("third-key.pem");
        third.writeTo(certFile, otherKey);
        Thread.sleep(500);
        assertThat(served()).isEqualTo(renewed.certificate());
        Files.copy(otherKey, keyFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.readString(keyFile)).startsWith("-----BEGIN PRIVATE KEY-----");
        awaitServed(third.certificate());
    }

    @Test
    void serveNeedsBothFilesAndAMatchingKey() {
        TestTerminal alone = new TestTerminal();
        assertThat(ServerMain.run(alone.terminal(), "--port", "0", "--tls-cert", certFile.toString())).isEqualTo(2);
        assertThat(alone.err()).startsWith("error: --tls-cert needs --tls-key (its private key)");

        Path strangerKey = dir.resolve("stranger.pem");
        TestCertificates.selfSigned("stranger", KeyFormat.RSA_PKCS8).writeTo(dir.resolve("stranger-cert.pem"), strangerKey);
        TestTerminal mismatched = TestTerminal.withEnv(java.util.Map.of("SESSIONDESK_TLS_CERT", certFile.toString(),
                "SESSIONDESK_TLS_KEY", strangerKey.toString()));
        assertThat(ServerMain.run(mismatched.terminal(), "--port", "0", "--db",
                "jdbc:sqlite:" + dir.resolve("mismatch.db"))).isEqualTo(1);
        assertThat(mismatched.err()).startsWith("sessiondesk-server: could not start: the key in " + strangerKey
                + " does not belong to the certificate in " + certFile);
    }

    private static Connector trusting(X509Certificate certificate) {
        return new Connector(Duration.ofSeconds(5), Duration.ofSeconds(10), List.of(certificate));
    }

    private Throwable catchSignIn(Connector connector) {
        return catchSignIn(connector, server.baseUrl());
    }

    private static Throwable catchSignIn(Connector connector, String url) {
        try {
            connector.signIn(url, TestServers.ADMIN, TestServers.ADMIN_PASSWORD);
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("signed in despite the certificate");
    }

    private void awaitServed(X509Certificate expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!served().equals(expected)) {
            assertThat(System.nanoTime()).as("served within 15 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The certificate a new connection gets (whatever it is: the test only looks at it). */
    private X509Certificate served() throws IOException {
        try (SSLSocket socket = (SSLSocket) LookOnly.FACTORY.createSocket("127.0.0.1", server.port())) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /** The first 7 bytes the server answers to a client hello (-1 where the connection ended). */
    private int[] firstRecord(byte[] hello) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(hello);
            InputStream in = socket.getInputStream();
            int[] bytes = new int[7];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = in.read();
            }
            if (bytes[0] == 0x15) {
                bytes[2] = -1; // the alert record's minor version is the server's choice
            }
            return bytes;
        }
    }

    /**
     * A ClientHello offering only TLS 1.{minor - 1} (3: TLS 1.2, 2: TLS 1.1, 1: TLS 1.0), with ECDHE
     * suites, the groups and signature algorithms a TLS 1.2 server needs, written byte by byte: the
     * JDK's own client would refuse to offer TLS 1.1 at all.
     */
    private static byte[] clientHello(int minor) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(3);
        body.write(minor);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.writeBytes(random);
        body.write(0); // no session id
        int[] suites = {0xc02f, 0xc030, 0xc027, 0xc013, 0xc014};
        writeShort(body, suites.length * 2);
        for (int suite : suites) {
            writeShort(body, suite);
        }
        body.writeBytes(new byte[] {1, 0}); // null compression
        byte[] extensions = {
            0x00, 0x0a, 0x00, 0x06, 0x00, 0x04, 0x00, 0x1d, 0x00, 0x17, // supported_groups: x25519, secp256r1
            0x00, 0x0b, 0x00, 0x02, 0x01, 0x00, // ec_point_formats: uncompressed
            0x00, 0x0d, 0x00, 0x08, 0x00, 0x06, 0x04, 0x01, 0x08, 0x04, 0x04, 0x03}; // rsa_pkcs1_sha256, rsa_pss_rsae_sha256, ecdsa_p256_sha256
        writeShort(body, extensions.length);
        body.writeBytes(extensions);
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.writeBytes(new byte[] {0x16, 3, 1});
        writeShort(record, body.size() + 4);
        record.write(1); // client_hello
        record.write(0);
        writeShort(record, body.size());
        record.writeBytes(body.toByteArray());
        return record.toByteArray();
    }

    private static void writeShort(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value & 0xff);
    }

    private static byte[] readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the connection stayed open for 10 s after a plain HTTP request", e);
        } catch (SocketException reset) {
            // closed by the server: refused
        }
        return all.toByteArray();
    }

    /** A socket factory that accepts any certificate: only to see which one the server presents. */
    private static final class LookOnly {
        static final javax.net.ssl.SSLSocketFactory FACTORY = create();

        private static javax.net.ssl.SSLSocketFactory create() {
            try {
                javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
                context.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
                    @Override
                    public void checkClientTrusted(X509Certificate[] chain, String authType) {
                    }

                    @Override
                    public void checkServerTrusted(X509Certificate[] chain, String authType) {
                    }

                    @Override
                    public X509Certificate[] getAcceptedIssuers() {
                        return new X509Certificate[0];
                    }
                }}, null);
                return context.getSocketFactory();
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

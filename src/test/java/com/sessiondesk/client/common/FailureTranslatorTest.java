package com.sessiondesk.client.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonSyntaxException;
import com.google.gson.stream.MalformedJsonException;
import com.sessiondesk.api.ApiClients;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLHandshakeException;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import retrofit2.HttpException;
import retrofit2.Response;

class FailureTranslatorTest {

    static HttpException http(int status, String body, String retryAfter) {
        okhttp3.Response.Builder raw = new okhttp3.Response.Builder()
                .code(status).message("x").protocol(Protocol.HTTP_1_1)
                .request(new Request.Builder().url("http://127.0.0.1/").build());
        if (retryAfter != null) {
            raw.header("Retry-After", retryAfter);
        }
        return new HttpException(Response.error(ResponseBody.create(MediaType.get("application/json"), body), raw.build()));
    }

    static ClientError translate(Throwable t) {
        return FailureTranslator.translate(t);
    }

    @Test
    void expiredTokenSendsTheAdminBackToSignIn() {
        assertThat(translate(http(401, "{\"error\":\"invalid_token\",\"message\":\"expired\"}", null)))
                .isEqualTo(new ClientError.NotSignedIn("Your session expired, please sign in again.", true));
    }

    @Test
    void wrongPasswordSaysSo() {
        assertThat(translate(http(401, "{\"error\":\"invalid_credentials\",\"message\":\"no\"}", null)))
                .isEqualTo(new ClientError.NotSignedIn("Wrong username or password.", false));
    }

    @Test
    void forbiddenExplainsOnlySuperUsersMayManageSessions() {
        assertThat(translate(http(403, "{\"error\":\"forbidden\",\"message\":\"no\"}", null)).message())
                .isEqualTo("Only super users can manage sessions.");
        assertThat(translate(http(403, "{\"error\":\"account_blocked\",\"message\":\"no\"}", null)).message())
                .contains("blocked");
    }

    @Test
    void rateLimitedSaysWhenToTryAgain() {
        ClientError error = translate(http(429, "{\"error\":\"rate_limited\",\"message\":\"slow\"}", "42"));
        assertThat(error).isEqualTo(new ClientError.RateLimited("Too many attempts. Try again in 42 s.", 42));
    }

    @Test
    void serverErrorsAndNonJsonBodiesAreServerFailures() {
        assertThat(translate(http(500, "{\"error\":\"internal\",\"message\":\"boom\"}", null)))
                .isInstanceOf(ClientError.ServerFailure.class);
        assertThat(translate(http(502, "<html>Bad gateway</html>", null)).message()).contains("HTTP 502");
    }

    @Test
    void notFoundAndBadRequestCarryTheServersMessage() {
        assertThat(translate(http(404, "{\"error\":\"not_found\",\"message\":\"No such session\"}", null)))
                .isEqualTo(new ClientError.Rejected("No such session", 404));
        assertThat(translate(http(400, "{\"error\":\"invalid_request\",\"message\":\"reason too long\"}", null)).message())
                .isEqualTo("reason too long");
    }

    @Test
    void ioFailuresMeanTheServerIsUnreachable() {
        assertThat(translate(new ConnectException("refused"))).isInstanceOf(ClientError.Unreachable.class);
        assertThat(translate(new SocketTimeoutException("timeout")).message()).contains("did not answer in time");
        assertThat(translate(new UnknownHostException("nowhere.example")).message()).contains("nowhere.example");
        assertThat(translate(new SSLHandshakeException("handshake_failure")).message())
                .startsWith("The secure connection to the server failed.");
        assertThat(translate(new IOException("reset"))).isInstanceOf(ClientError.Unreachable.class);
    }

    @Test
    void aRefusedCertificateSaysWhy() {
        SSLHandshakeException untrusted = new SSLHandshakeException("PKIX path building failed");
        untrusted.initCause(new CertificateRefusal("AB:CD", new java.security.cert.CertificateException("PKIX")));
        assertThat(translate(untrusted).message()).startsWith("Refused: the server's certificate is not trusted.")
                .contains("Its SHA-256 fingerprint is AB:CD.");
        SSLHandshakeException expired = new SSLHandshakeException("validity check failed");
        expired.initCause(new CertificateRefusal("AB:CD", new java.security.cert.CertificateException("validity",
                new java.security.cert.CertificateExpiredException("NotAfter"))));
        assertThat(translate(expired).message()).startsWith("Refused: the server's certificate has expired");
        assertThat(translate(new javax.net.ssl.SSLPeerUnverifiedException("Hostname x not verified")).message())
                .startsWith("Refused: the server's certificate is not made for this address.");
        assertThat(translate(untrusted)).isInstanceOf(ClientError.Unreachable.class);
    }

    @Test
    void malformedJsonIsReportedAsSuch() {
        assertThat(translate(new MalformedJsonException("bad"))).isInstanceOf(ClientError.MalformedAnswer.class);
        assertThat(translate(new JsonSyntaxException("bad"))).isInstanceOf(ClientError.MalformedAnswer.class);
    }

    @Test
    void aServerAnsweringGarbageThroughRetrofitIsAMalformedAnswer() throws Exception {
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/", exchange -> {
            byte[] body = "{\"sessions\": [ {\"id\": 12, ".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        fake.start();
        try {
            var api = ApiClients.create("http://127.0.0.1:" + fake.getAddress().getPort() + "/", new OkHttpClient());
            Throwable failure = null;
            try {
                api.sessions(null, null, null).execute();
            } catch (Exception e) {
                failure = e;
            }
            assertThat(translate(failure)).isInstanceOf(ClientError.MalformedAnswer.class);
        } finally {
            fake.stop(0);
        }
    }
}

package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The check every API test makes on its calls fails when an answer leaves openapi.yaml: a status
 * the operation does not document, a field it does not document, a route that is not one, or a
 * request that leaves the contract and is accepted. A test-only server answers what the real one
 * must not; both test clients (Retrofit and {@link RawHttp}) refuse it.
 */
class ContractValidatorTest {

    private static final ContractValidator CONTRACT = ContractValidator.OPENAPI;
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final String HEALTH = "/api/v1/health";

    private static Javalin liar;
    private static volatile int status;
    private static volatile String body;

    @BeforeAll
    static void startATestOnlyServer() {
        liar = Javalin.create(config -> config.showJavalinBanner = false)
                .get(HEALTH, ctx -> ctx.status(status).contentType("application/json").result(body))
                .start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        liar.stop();
    }

    private static String base() {
        return "http://127.0.0.1:" + liar.port();
    }

    @Test
    void aRouteThatAnswersAnUndocumentedStatusFailsTheTestThatCalledIt() {
        status = 418;
        body = "{\"error\":\"internal\",\"message\":\"I am a teapot.\"}";
        assertThatThrownBy(() -> new RawHttp(base()).get(HEALTH, null))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
        assertThatThrownBy(() -> Api.execute(Api.anonymous(base()).health()))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
    }

    @Test
    void aDocumentedAnswerPassesAndAnUndocumentedFieldFails() {
        status = 200;
        body = "{\"status\":\"ok\"}";
        assertThatCode(() -> new RawHttp(base()).get(HEALTH, null)).doesNotThrowAnyException();
        assertThatCode(() -> Api.ok(Api.anonymous(base()).health())).doesNotThrowAnyException();
        body = "{\"status\":\"ok\",\"uptime\":12}";
        assertThatThrownBy(() -> new RawHttp(base()).get(HEALTH, null))
                .isInstanceOf(AssertionError.class).hasMessageContaining("uptime");
        body = "{\"status\":\"fine\"}";
        assertThatThrownBy(() -> new RawHttp(base()).get(HEALTH, null))
                .isInstanceOf(AssertionError.class).hasMessageContaining("fine");
    }

    @Test
    void anUnknownPathMustBeNotFoundForEveryone() {
        ContractValidator.Sent sent = get("/api/v1/nothing");
        assertThatThrownBy(() -> CONTRACT.check(sent, error(401, "invalid_token")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("404");
        assertThatThrownBy(() -> CONTRACT.check(get("/api/v1/users/"), new ContractValidator.Received(200, JSON,
                "{\"users\":[]}"))).isInstanceOf(AssertionError.class).hasMessageContaining("404");
        assertThatCode(() -> CONTRACT.check(sent, error(404, "not_found"))).doesNotThrowAnyException();
    }

    @Test
    void aMethodThePathDoesNotTakeMustBe405WithTheDocumentedAllow() {
        ContractValidator.Sent head = new ContractValidator.Sent("HEAD", URI.create("http://x/api/v1/sessions"),
                Map.of(), null);
        assertThatThrownBy(() -> CONTRACT.check(head, new ContractValidator.Received(200, JSON, "")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("405");
        assertThatThrownBy(() -> CONTRACT.check(head, new ContractValidator.Received(405,
                Map.of("Allow", List.of("GET, POST")), ""))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Allow");
        assertThatCode(() -> CONTRACT.check(head, new ContractValidator.Received(405, Map.of("Allow", List.of("GET")),
                ""))).doesNotThrowAnyException();
    }

    @Test
    void aRequestThatLeavesTheContractMustBeRefused() {
        ContractValidator.Sent negative = new ContractValidator.Sent("POST",
                URI.create("http://x/api/v1/mobile/heartbeat"),
                Map.of("Content-Type", List.of("application/json"), "Authorization", List.of("Bearer t")),
                "{\"pendingSyncItems\":-1}");
        assertThatThrownBy(() -> CONTRACT.check(negative, new ContractValidator.Received(204, Map.of(), null)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("accepted a request");
        assertThatCode(() -> CONTRACT.check(negative, error(400, "invalid_request"))).doesNotThrowAnyException();
    }

    private static ContractValidator.Sent get(String path) {
        return new ContractValidator.Sent("GET", URI.create("http://x" + path), Map.of(), null);
    }

    private static ContractValidator.Received error(int status, String code) {
        Map<String, List<String>> headers = status == 401
                ? Map.of("Content-Type", List.of("application/json"),
                        "WWW-Authenticate", List.of("Bearer error=\"invalid_token\""))
                : JSON;
        return new ContractValidator.Received(status, headers,
                "{\"error\":\"" + code + "\",\"message\":\"Refused.\"}");
    }
}

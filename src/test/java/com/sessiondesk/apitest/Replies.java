package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.sessiondesk.api.ErrorCode;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** Assertions on the error answers of API v1 (openapi.yaml; docs/architecture.md, "The API contract"). */
public final class Replies {

    private static final Set<String> KNOWN_CODES =
            Arrays.stream(ErrorCode.values()).map(ErrorCode::wireName).collect(Collectors.toSet());

    private Replies() {
    }

    /** The exact status and code, a well-formed error body, and WWW-Authenticate on a 401. */
    public static JsonObject assertError(RawHttp.Reply reply, int status, String code) {
        assertThat(reply.status()).as("status of %s", reply).isEqualTo(status);
        JsonObject body = assertErrorBody(reply);
        assertThat(body.get("error").getAsString()).as("error code of %s", reply).isEqualTo(code);
        return body;
    }

    /** Any 4xx with a well-formed error body: for inputs where more than one status is defensible. */
    public static JsonObject assertClientError(RawHttp.Reply reply) {
        assertThat(reply.status()).as("status of %s", reply).isBetween(400, 499);
        return assertErrorBody(reply);
    }

    /** {@code {"error": CODE, "message": TEXT}} in JSON, a known code, no stack trace. */
    public static JsonObject assertErrorBody(RawHttp.Reply reply) {
        assertThat(reply.header("Content-Type")).as("Content-Type of %s", reply).contains("application/json");
        JsonObject body = reply.object();
        assertThat(body.has("error") && body.get("error").isJsonPrimitive())
                .as("string 'error' in %s", reply).isTrue();
        assertThat(body.has("message") && body.get("message").isJsonPrimitive())
                .as("string 'message' in %s", reply).isTrue();
        assertThat(KNOWN_CODES).as("known error code in %s", reply).contains(body.get("error").getAsString());
        assertThat(body.get("message").getAsString()).as("message of %s", reply).isNotBlank();
        assertNoStackTrace(reply);
        if (reply.status() == 401) {
            assertThat(reply.header("WWW-Authenticate")).as("WWW-Authenticate of %s", reply)
                    .isNotNull()
                    .startsWith("Bearer")
                    .contains("error=\"invalid_token\"");
        }
        if (reply.status() == ErrorCode.RATE_LIMITED.status()) {
            assertThat(reply.header("Retry-After")).as("Retry-After of %s", reply).isNotNull();
        }
        return body;
    }

    public static void assertNoStackTrace(RawHttp.Reply reply) {
        assertThat(reply.body()).as("body of %s", reply)
                .doesNotContain("Exception")
                .doesNotContain("\tat ")
                .doesNotContain("at com.")
                .doesNotContain("at java.")
                .doesNotContain("at io.javalin")
                .doesNotContain("org.eclipse.jetty");
    }
}

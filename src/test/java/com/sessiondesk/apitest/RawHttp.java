package com.sessiondesk.apitest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * A plain {@link HttpClient} against a server, for the requests a well-behaved client never sends
 * (bad bodies, bad tokens): it shows status, headers and the raw body. Each exchange is checked
 * against openapi.yaml ({@link ContractValidator}): such a request must be refused with a documented
 * error.
 */
public final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String root;
    private final ContractValidator contract;

    /** @param baseUrl the server's root, with or without the trailing slash */
    public RawHttp(String baseUrl) {
        this(baseUrl, ContractValidator.OPENAPI);
    }

    /** Each exchange is checked against {@code contract} (see {@link ContractValidator}). */
    public RawHttp(String baseUrl, ContractValidator contract) {
        this.root = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.contract = contract;
    }

    public Reply get(String path, String token) {
        return send("GET", path, token, (byte[]) null, Map.of());
    }

    public Reply post(String path, String token, String json) {
        return send("POST", path, token, json == null ? null : json.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    public Reply send(String method, String path, String token, String body) {
        return send(method, path, token, body == null ? null : body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /**
     * @param token the bearer token, or null for none; an Authorization header in {@code headers} wins
     * @param headers more headers; a Content-Type among them replaces the default {@code application/json}
     */
    public Reply send(String method, String path, String token, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null && headers.keySet().stream().noneMatch("Content-Type"::equalsIgnoreCase)) {
            request.header("Content-Type", "application/json");
        }
        if (token != null && !headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpRequest sent = request.build();
        try {
            HttpResponse<String> response = CLIENT.send(sent, HttpResponse.BodyHandlers.ofString());
            contract.check(new ContractValidator.Sent(method, sent.uri(), sent.headers().map(),
                            body == null ? null : new String(body, StandardCharsets.UTF_8)),
                    new ContractValidator.Received(response.statusCode(), response.headers().map(), response.body()));
            return new Reply(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One HTTP answer. Header names are matched case-insensitively. */
    public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue()))
                    .findFirst().orElse(null);
        }

        public JsonElement json() {
            try {
                return JsonParser.parseString(body);
            } catch (RuntimeException e) {
                throw new AssertionError("not JSON (status " + status + "): " + abbreviated(), e);
            }
        }

        public JsonObject object() {
            JsonElement json = json();
            if (!json.isJsonObject()) {
                throw new AssertionError("not a JSON object (status " + status + "): " + abbreviated());
            }
            return json.getAsJsonObject();
        }

        /** The {@code error} code of an error body. */
        public String error() {
            JsonElement error = object().get("error");
            return error == null || error.isJsonNull() ? null : error.getAsString();
        }

        public String abbreviated() {
            return body == null || body.length() <= 400 ? body : body.substring(0, 400) + "...";
        }

        @Override
        public String toString() {
            return status + " " + abbreviated();
        }
    }
}

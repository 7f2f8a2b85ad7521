package com.sessiondesk.apitest;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every exchange of the API tests checked against {@code openapi.yaml} with Atlassian's
 * swagger-request-validator: the answer must be one the operation documents (status, headers, body
 * schema). A request that leaves the contract (a bad-input or attack test sends them on purpose)
 * must be refused with a documented 4xx: the service may never accept it. A path that is no route
 * must answer 404 {@code not_found}; a method the path does not take, 405 {@code method_not_allowed}
 * with the documented methods in {@code Allow}. Any breach throws an {@link AssertionError} in the
 * test that made the call.
 */
public final class ContractValidator {

    /** The document of record, as the tests see it (they run in the project's folder). */
    public static final ContractValidator OPENAPI = new ContractValidator(Path.of("openapi.yaml"));

    private static final String PATH_MISSING = "validation.request.path.missing";
    private static final String METHOD_MISSING = "validation.request.operation.notAllowed";
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final OpenApiInteractionValidator validator;

    public ContractValidator(Path document) {
        validator = OpenApiInteractionValidator.createForSpecificationUrl(document.toAbsolutePath().toUri().toString())
                // "Unknown JSON fields are ignored" in requests; an answer has no undocumented field.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request.body.schema.additionalProperties", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** One request as sent: the body as text, or null for none. */
    public record Sent(String method, URI uri, Map<String, List<String>> headers, String body) {
    }

    /** One answer as received: the body as text (null when it was not read: an event stream). */
    public record Received(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> String.join(", ", e.getValue())).findFirst().orElse(null);
        }
    }

    /** Throws an {@link AssertionError} naming every breach of the contract by this exchange. */
    public void check(Sent sent, Received received) {
        Request request = request(sent);
        ValidationReport requestReport = validator.validateRequest(request);
        String path = sent.uri().getRawPath();
        String where = sent.method() + " " + path + " answered " + received.status();
        // The validator forgives a trailing slash; the contract does not (openapi.yaml's introduction).
        if (has(requestReport, PATH_MISSING) || path.length() > 1 && path.endsWith("/")) {
            expectError(where, received, 404, "not_found");
            return;
        }
        if (has(requestReport, METHOD_MISSING)) {
            expectError(where, received, 405, "method_not_allowed");
            expectAllow(where, sent, received);
            return;
        }
        ValidationReport responseReport = validator.validateResponse(path, request.getMethod(),
                response(received));
        List<ValidationReport.Message> breaches = responseReport.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> received.body() != null || !m.getKey().equals("validation.response.body.missing"))
                .toList();
        if (!breaches.isEmpty()) {
            throw new AssertionError(where + ": the answer leaves openapi.yaml: " + text(breaches)
                    + "\nbody: " + abbreviated(received.body()));
        }
        if (requestReport.hasErrors() && received.status() < 400) {
            throw new AssertionError(where + ": the service accepted a request that leaves openapi.yaml: "
                    + text(requestReport.getMessages()));
        }
    }

    private static Request request(Sent sent) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(sent.method(), sent.uri().getRawPath());
        sent.headers().forEach(builder::withHeader);
        if (sent.body() != null) {
            builder.withBody(sent.body());
        }
        String query = sent.uri().getRawQuery();
        if (query != null && !query.isEmpty()) {
            Map<String, List<String>> parameters = Arrays.stream(query.split("&"))
                    .map(pair -> pair.split("=", 2))
                    .collect(Collectors.groupingBy(pair -> decode(pair[0]),
                            Collectors.mapping(pair -> pair.length > 1 ? decode(pair[1]) : "", Collectors.toList())));
            parameters.forEach(builder::withQueryParam);
        }
        return builder.build();
    }

    private static SimpleResponse response(Received received) {
        SimpleResponse.Builder builder = new SimpleResponse.Builder(received.status());
        received.headers().forEach(builder::withHeader);
        if (received.body() != null && !received.body().isEmpty()) {
            builder.withBody(received.body());
        }
        return builder.build();
    }

    private static void expectError(String where, Received received, int status, String code) {
        if (received.status() != status) {
            throw new AssertionError(where + ": expected " + status + " " + code + " (openapi.yaml's introduction)");
        }
        if (received.body() == null || received.body().isEmpty()) {
            return; // the answer to HEAD has no body
        }
        String error;
        try {
            JsonObject body = JsonParser.parseString(received.body()).getAsJsonObject();
            error = body.get("error").getAsString();
        } catch (RuntimeException e) {
            throw new AssertionError(where + ": not an error body: " + abbreviated(received.body()), e);
        }
        if (!code.equals(error)) {
            throw new AssertionError(where + ": expected the error " + code + ", got " + error);
        }
    }

    /** {@code Allow} names exactly the methods openapi.yaml documents for this path. */
    private void expectAllow(String where, Sent sent, Received received) {
        String allow = received.header("Allow");
        if (allow == null) {
            throw new AssertionError(where + ": a 405 without Allow");
        }
        List<String> documented = METHODS.stream()
                .filter(method -> !has(validator.validateRequest(
                        new SimpleRequest.Builder(method, sent.uri().getRawPath()).build()), METHOD_MISSING))
                .sorted().toList();
        List<String> answered = Arrays.stream(allow.split(","))
                .map(m -> m.strip().toUpperCase(Locale.ROOT)).sorted().toList();
        if (!answered.equals(documented)) {
            throw new AssertionError(where + ": Allow: " + allow + ", but openapi.yaml documents " + documented);
        }
    }

    private static boolean has(ValidationReport report, String key) {
        return report.getMessages().stream().anyMatch(m -> m.getKey().equals(key));
    }

    private static String text(List<ValidationReport.Message> messages) {
        return messages.stream().map(m -> m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("; "));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviated(String body) {
        return body == null || body.length() <= 400 ? body : body.substring(0, 400) + "...";
    }
}

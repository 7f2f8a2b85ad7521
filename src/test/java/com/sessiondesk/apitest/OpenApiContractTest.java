package com.sessiondesk.apitest;

import static com.sessiondesk.apitest.OpenApiDocument.list;
import static com.sessiondesk.apitest.OpenApiDocument.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.gson.JsonParser;
import com.sessiondesk.api.AuditAction;
import com.sessiondesk.api.ErrorCode;
import com.sessiondesk.api.Json;
import com.sessiondesk.api.MobileLoginResponse;
import com.sessiondesk.api.SessionDeskApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code openapi.yaml} tells the truth: the same routes as the API.server(), the same fields as the DTO
 * records of {@code com.sessiondesk.api}, and every operation answers on the real server as
 * documented (status and body shape).
 */
class OpenApiContractTest {

    private static final String STAFF = "olga.openapi";
    private static final String SUPER = "otto.openapi";

    private static OpenApiDocument document;

    @RegisterExtension
    static final ApiServer API = ApiServer.on(TestServers.sqlite())
            .withUser(STAFF, "Olga Openapi")
            .withSuperUser(SUPER, "Otto Openapi");

    @BeforeAll
    static void start() throws IOException {
        document = OpenApiDocument.load(Path.of("openapi.yaml"));
    }

    @Test
    void theDocumentedRoutesAreExactlyTheServersRoutes() {
        assertThat(new TreeSet<>(document.operations().keySet())).isEqualTo(new TreeSet<>(API.server().routes()));
    }

    @Test
    void everyDtoOfTheRetrofitInterfaceHasASchema() {
        Set<Class<?>> records = new LinkedHashSet<>();
        for (var method : SessionDeskApi.class.getDeclaredMethods()) {
            if (method.getGenericReturnType() instanceof ParameterizedType call) {
                collectRecords(call.getActualTypeArguments()[0], records);
            }
            for (Parameter parameter : method.getParameters()) {
                collectRecords(parameter.getParameterizedType(), records);
            }
        }
        assertThat(records).hasSizeGreaterThan(10);
        for (Class<?> record : records) {
            assertThat(document.schemas()).as("schema of %s",
                    record.getSimpleName()).containsKey(record.getSimpleName());
        }
    }

    @Test
    void everySchemaHasTheFieldsOfItsRecord() {
        int checked = 0;
        for (Map.Entry<String, Object> entry : document.schemas().entrySet()) {
            Class<?> record = recordOf(entry.getKey());
            Map<String, Object> schema = map(entry.getValue());
            Map<String, Object> properties = map(schema.get("properties"));
            List<String> required = list(schema.getOrDefault("required", List.of()));
            List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
            assertThat(properties.keySet()).as("properties of %s", entry.getKey())
                    .containsExactlyInAnyOrderElementsOf(components);
            assertThat(properties.keySet()).as("required of %s", entry.getKey()).containsAll(required);
            for (RecordComponent component : record.getRecordComponents()) {
                Map<String, Object> property = map(properties.get(component.getName()));
                String where = entry.getKey() + "." + component.getName();
                assertType(where, component.getGenericType(), property);
                if (component.getType().isPrimitive()) {
                    assertThat(required).as("%s is always present", where).contains(component.getName());
                }
                if (Boolean.TRUE.equals(property.get("nullable")) && required.contains(component.getName())) {
                    assertThat(writtenWithoutValues(record)).as("%s is required and nullable: written as null", where)
                            .contains("\"" + component.getName() + "\":null");
                }
            }
            checked++;
        }
        assertThat(checked).isEqualTo(document.schemas().size());
    }

    @Test
    void theEnumsAreTheCodesOfTheApi() {
        assertThat(list(map(map(map(document.schemas().get("Error")).get("properties")).get("error")).get("enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(ErrorCode.values()).map(ErrorCode::wireName).toList());
        assertThat(list(map(map(map(document.schemas().get("AuditEvent")).get("properties")).get("action")).get("enum")))
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(AuditAction.values()).map(AuditAction::wireName).toList());
    }

    @Test
    void everyOperationAnswersOnTheRealServerAsDocumented() {
        for (Map.Entry<String, Map<String, Object>> entry : document.operations().entrySet()) {
            String route = entry.getKey();
            Map<String, Object> operation = entry.getValue();
            if (operation.get("operationId").equals("sessionStream")) {
                assertFirstEventOfTheStream(route, operation);
                continue;
            }
            RawHttp.Reply reply = invoke(route, map(operation).get("operationId").toString());
            assertThat(reply.status()).as("%s answered %s", route, reply).isNotEqualTo(404).isBetween(200, 299);
            Map<String, Object> responses = map(operation.get("responses"));
            assertThat(responses).as("documented statuses of %s", route).containsKey(String.valueOf(reply.status()));
            String contentType = reply.header("Content-Type");
            if (contentType != null && contentType.startsWith("text/event-stream")) {
                assertThat(map(map(responses.get(String.valueOf(reply.status()))).get("content")))
                        .as("content of %s", route).containsKey("text/event-stream");
                assertThat(reply.body()).as("events of %s", route).contains("event: ready")
                        .contains("event: session_ended");
                continue;
            }
            // Status, headers and body were checked against openapi.yaml by RawHttp (ContractValidator).
        }
    }

    @Test
    void everySecuredOperationDocumentsAndAnswersItsDocumented401() {
        List<String> secured = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> entry : document.operations().entrySet()) {
            if (document.security(entry.getValue()).isEmpty()) {
                continue;
            }
            secured.add(entry.getKey());
            String[] parts = entry.getKey().split(" ", 2);
            String path = parts[1].replace("{id}", "any-id").replace("{username}", STAFF)
                    .replace("{deviceId}", "any-device")
                    .replace("/alerts/any-id/", "/alerts/1/");
            RawHttp.Reply reply = API.raw().send(parts[0], path, null, parts[0].equals("POST") ? "{}" : null);
            assertThat(reply.status()).as("%s without a token: %s", entry.getKey(), reply).isEqualTo(401);
            assertThat(map(entry.getValue().get("responses"))).as("responses of %s", entry.getKey()).containsKey("401");
        }
        assertThat(secured).hasSizeGreaterThanOrEqualTo(12);
    }

    // --- calling each operation with valid input ---

    private static RawHttp.Reply invoke(String route, String operationId) {
        String[] parts = route.split(" ", 2);
        String method = parts[0];
        String path = parts[1];
        return switch (operationId) {
            case "health" -> API.raw().get(path, null);
            case "mobileLogin" -> API.raw().post(path, null, loginBody("contract-login"));
            case "heartbeat" -> API.raw().post(path, newSession().token(), "{\"pendingSyncItems\":4}");
            case "me" -> API.raw().get(path, newSession().token());
            case "mobileEvents" -> events(path);
            case "mobileLogout" -> API.raw().post(path, newSession().token(), null);
            case "adminLogin" -> API.raw().post(path, null,
                    "{\"username\":\"admin\",\"password\":\"" + TestServers.ADMIN_PASSWORD + "\"}");
            case "adminLogout" -> API.raw().post(path, Api.adminToken(API.baseUrl(), TestServers.ADMIN,
                    TestServers.ADMIN_PASSWORD), null);
            case "sessions", "users", "audit" -> API.raw().get(path, API.adminToken());
            case "session" -> API.raw().get(path.replace("{id}", newSession().sessionId()), API.adminToken());
            case "sessionChanges" -> API.raw().get(path + "?since=" + cursorOfTheList(), API.adminToken());
            case "logoutSessions" -> API.raw().post(path, API.adminToken(),
                    "{\"sessionIds\":[\"" + newSession().sessionId()
                    + "\",\"no-such-session\"],\"reason\":\"contract\"}");
            case "logoutSession" -> API.raw().post(path.replace("{id}", newSession().sessionId()), API.adminToken(),
                    "{\"allDevices\":false,\"block\":false,\"reason\":\"contract\"}");
            case "logoutUser", "blockUser" -> API.raw().post(path.replace("{username}", STAFF), API.adminToken(),
                    "{\"reason\":\"contract\"}");
            case "unblockUser" -> API.raw().post(path.replace("{username}", STAFF), API.adminToken(), null);
            case "devices" -> API.raw().get(path + "?blocked=true", API.adminToken());
            case "blockDevice" -> API.raw().post(path.replace("{deviceId}", "contract-block-" + System.nanoTime()),
                    API.adminToken(), "{\"reason\":\"contract\"}");
            case "unblockDevice" -> {
                String deviceId = "contract-unblock-" + System.nanoTime();
                API.raw().post("/api/v1/devices/" + deviceId + "/block", API.adminToken(), null);
                yield API.raw().post(path.replace("{deviceId}", deviceId), API.adminToken(), null);
            }
            case "alerts" -> API.raw().get(path, API.adminToken());
            case "acknowledgeAlert" -> {
                String wrong = Json.GSON.toJson(Api.device(STAFF, "Wrong-Password-1", "Caregiver", "4.2.0",
                        "contract-guesser", "Pixel 7", "Android 14", "Vietnamese"));
                for (int i = 0; i < 5; i++) {
                    API.raw().post("/api/v1/mobile/login", null, wrong);
                }
                RawHttp.Reply alerts = API.raw().get("/api/v1/alerts", API.adminToken());
                long id = JsonParser.parseString(alerts.body()).getAsJsonObject().getAsJsonArray("alerts").get(0)
                        .getAsJsonObject().get("id").getAsLong();
                yield API.raw().post(path.replace("{id}", Long.toString(id)), API.adminToken(), null);
            }
            case "changeAdminPassword" -> API.raw().post(path, Api.adminToken(API.baseUrl(), SUPER, TestUsers.PASSWORD),
                    Json.GSON.toJson(new com.sessiondesk.api.AdminPasswordRequest(TestUsers.PASSWORD,
                            "Contract-New-Password-" + System.nanoTime())));
            default -> fail("no way to call operation %s (%s %s): teach this test", operationId, method, path);
        };
    }

    private static String cursorOfTheList() {
        newSession();
        RawHttp.Reply list = API.raw().get("/api/v1/sessions", API.adminToken());
        String cursor = JsonParser.parseString(list.body()).getAsJsonObject().get("cursor").getAsString();
        newSession();
        return cursor;
    }

    /** The push form answers an event stream whose first event's data is a documented SessionChanges. */
    private static void assertFirstEventOfTheStream(String route, Map<String, Object> operation) {
        Map<String, Object> ok = map(map(operation.get("responses")).get("200"));
        assertThat(map(ok.get("content"))).containsKey("text/event-stream");
        String path = route.split(" ", 2)[1] + "?since=" + cursorOfTheList();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(API.baseUrl() + path.substring(1)))
                .header("Authorization", "Bearer " + API.adminToken())
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(20))
                .build();
        try {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).as(route).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            try (Stream<String> lines = response.body()) {
                List<String> event = new ArrayList<>();
                Iterator<String> it = lines.iterator();
                while (it.hasNext()) {
                    String line = it.next();
                    if (line.isEmpty() && !event.isEmpty()) {
                        break;
                    }
                    event.add(line);
                }
                assertThat(event).contains("event: changes");
                String data = event.stream().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow().substring(6);
                document.validate(route, JsonParser.parseString(data), map(document.schemas().get("SessionChanges")));
                assertThat(event).anyMatch(l -> l.startsWith("id: "));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Holds a session's event stream until an admin ends the session (which closes it). */
    private static RawHttp.Reply events(String path) {
        MobileLoginResponse session = newSession();
        int before = API.server().openStreams();
        CompletableFuture.runAsync(() -> {
            try { // once the server holds the stream (a GET that is refused is not held: then after 10 s)
                Eventually.within(Duration.ofSeconds(10),
                        () -> assertThat(API.server().openStreams()).isGreaterThan(before));
            } finally {
                API.raw().post("/api/v1/sessions/" + session.sessionId() + "/logout", API.adminToken(), "{}");
            }
        });
        return API.raw().send("GET", path, session.token(), null, Map.of("Accept", "text/event-stream"));
    }

    private static MobileLoginResponse newSession() {
        RawHttp.Reply reply = API.raw().post("/api/v1/mobile/login", null, loginBody("contract-" + System.nanoTime()));
        assertThat(reply.status()).as("login for a fresh session: %s", reply).isEqualTo(201);
        return Json.GSON.fromJson(reply.body(), MobileLoginResponse.class);
    }

    private static String loginBody(String deviceId) {
        return Json.GSON.toJson(Api.device(STAFF, TestUsers.PASSWORD, "Caregiver", "4.2.0", deviceId, "Pixel 7",
                "Android 14", "Vietnamese"));
    }

    private static void assertType(String where, Type javaType, Map<String, Object> property) {
        Class<?> raw = javaType instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) javaType;
        if (raw.isRecord()) {
            assertThat(property.get("$ref")).as(where).isEqualTo("#/components/schemas/" + raw.getSimpleName());
        } else if (raw == String.class) {
            assertThat(property.get("type")).as(where).isEqualTo("string");
        } else if (raw == Instant.class) {
            assertThat(property).as(where).containsEntry("type", "string").containsEntry("format", "date-time");
        } else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
            assertThat(property.get("type")).as(where).isEqualTo("integer");
        } else if (raw == boolean.class || raw == Boolean.class) {
            assertThat(property.get("type")).as(where).isEqualTo("boolean");
        } else if (raw == List.class) {
            assertThat(property.get("type")).as(where).isEqualTo("array");
            assertType(where + "[]", ((ParameterizedType) javaType).getActualTypeArguments()[0],
                    map(property.get("items")));
        } else {
            fail("%s: no mapping for Java type %s", where, javaType);
        }
    }

    /**
     * The JSON of the record with every component empty (null, 0, false): a nullable property that
     * the schema requires must be written as null, the others without a value are left out.
     */
    private static String writtenWithoutValues(Class<?> record) {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        Object[] empty = Arrays.stream(types).map(OpenApiContractTest::emptyValue).toArray();
        try {
            return Json.GSON.toJson(record.getDeclaredConstructor(types).newInstance(empty));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot make an empty " + record.getSimpleName(), e);
        }
    }

    private static Object emptyValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }

    private static Class<?> recordOf(String schemaName) {
        String className = schemaName.equals("Error") ? "ErrorBody" : schemaName;
        try {
            Class<?> type = Class.forName("com.sessiondesk.api." + className);
            assertThat(type.isRecord()).as("%s is a record", type).isTrue();
            return type;
        } catch (ClassNotFoundException e) {
            throw new AssertionError("schema " + schemaName + " has no record in com.sessiondesk.api", e);
        }
    }

    private static void collectRecords(Type type, Set<Class<?>> into) {
        if (type instanceof ParameterizedType p) {
            for (Type argument : p.getActualTypeArguments()) {
                collectRecords(argument, into);
            }
        } else if (type instanceof Class<?> c && c.isRecord() && into.add(c)) {
            for (RecordComponent component : c.getRecordComponents()) {
                collectRecords(component.getGenericType(), into);
            }
        }
    }
}

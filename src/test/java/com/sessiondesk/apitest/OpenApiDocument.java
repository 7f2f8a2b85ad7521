package com.sessiondesk.apitest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code openapi.yaml} as read by SnakeYAML, for the checks of its structure (routes, schemas and
 * records); a small validator checks the data of events, which the exchanges' validator
 * ({@link ContractValidator}) does not see inside an event stream.
 */
final class OpenApiDocument {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");

    private final Map<String, Object> spec;

    private OpenApiDocument(Map<String, Object> spec) {
        this.spec = spec;
    }

    static OpenApiDocument load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new OpenApiDocument(new Yaml().load(reader));
        }
    }

    /** The security requirements of an operation: its own, else the document's. */
    List<String> security(Map<String, Object> operation) {
        return list(operation.containsKey("security") ? operation.get("security") : spec.get("security"));
    }


    /** "METHOD /path" -> operation, in document order. */
    Map<String, Map<String, Object>> operations() {
        Map<String, Map<String, Object>> operations = new LinkedHashMap<>();
        for (Map.Entry<String, Object> path : map(spec.get("paths")).entrySet()) {
            for (Map.Entry<String, Object> method : map(path.getValue()).entrySet()) {
                if (METHODS.contains(method.getKey())) {
                    operations.put(method.getKey().toUpperCase() + " " + path.getKey(), map(method.getValue()));
                }
            }
        }
        return operations;
    }

    Map<String, Object> schemas() {
        return map(map(spec.get("components")).get("schemas"));
    }

    Map<String, Object> resolve(String ref) {
        assertThat(ref).startsWith("#/");
        Object node = spec;
        for (String part : ref.substring(2).split("/")) {
            node = map(node).get(part);
            assertThat(node).as("target of %s", ref).isNotNull();
        }
        return map(node);
    }


    /** Asserts that {@code value} fits {@code schema}: types, required and no undocumented properties. */
    void validate(String where, JsonElement value, Map<String, Object> schema) {
        if (schema.containsKey("$ref")) {
            validate(where, value, resolve(schema.get("$ref").toString()));
            return;
        }
        if (value.isJsonNull()) {
            assertThat(schema.get("nullable")).as("%s is null but not nullable", where).isEqualTo(true);
            return;
        }
        String type = String.valueOf(schema.get("type"));
        switch (type) {
            case "object" -> {
                assertThat(value.isJsonObject()).as("%s is an object", where).isTrue();
                JsonObject object = value.getAsJsonObject();
                Map<String, Object> properties = map(schema.getOrDefault("properties", Map.of()));
                for (String required : list(schema.getOrDefault("required", List.of()))) {
                    assertThat(object.has(required)).as("%s has required %s: %s", where, required, object).isTrue();
                }
                for (String key : object.keySet()) {
                    assertThat(properties).as("%s: undocumented property %s", where, key).containsKey(key);
                    validate(where + "." + key, object.get(key), map(properties.get(key)));
                }
            }
            case "array" -> {
                assertThat(value.isJsonArray()).as("%s is an array", where).isTrue();
                int i = 0;
                for (JsonElement item : value.getAsJsonArray()) {
                    validate(where + "[" + i++ + "]", item, map(schema.get("items")));
                }
            }
            case "string" -> {
                assertThat(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()).as("%s is a string", where)
                        .isTrue();
                if ("date-time".equals(schema.get("format"))) {
                    Instant.parse(value.getAsString());
                }
                if (schema.containsKey("enum")) {
                    assertThat(list(schema.get("enum"))).as("%s", where).contains(value.getAsString());
                }
            }
            case "integer" -> {
                assertThat(value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber()).as("%s is a number", where)
                        .isTrue();
                assertThat(value.getAsString()).as("%s is whole", where).matches("-?\\d+");
                if (schema.containsKey("minimum")) {
                    assertThat(value.getAsLong()).isGreaterThanOrEqualTo(((Number) schema.get("minimum")).longValue());
                }
            }
            case "boolean" -> assertThat(value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean())
                    .as("%s is a boolean", where).isTrue();
            default -> fail("%s: schema without a known type: %s", where, schema);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        assertThat(node).as("a mapping in openapi.yaml").isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<String> list(Object node) {
        if (node == null) {
            return List.of();
        }
        assertThat(node).as("a sequence in openapi.yaml").isInstanceOf(List.class);
        return ((List<Object>) node).stream().map(String::valueOf).collect(Collectors.toList());
    }
}

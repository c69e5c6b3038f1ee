package dev.atlmcp.auth.inbound;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

/**
 * The shape of the {@code params} each MCP method takes ({@code mcp-params.schema.json}), checked with a JSON Schema
 * validator before the MCP library reads them, so that a request it would choke on (no tool name, params as an array,
 * arguments that are not an object) is answered with JSON-RPC's invalid-params error instead.
 */
final class McpParams {

    private static final String SCHEMA = "mcp-params.schema.json";
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Map<String, JsonObject> SCHEMAS = load();
    private static final Map<String, Validator> BY_METHOD = validators(SCHEMAS);
    /** The methods whose params a client may leave out: their schema requires nothing. */
    private static final Set<String> PARAMS_OPTIONAL = SCHEMAS.entrySet().stream().filter(entry -> entry.getValue()
            .getJsonArray("required", new JsonArray()).isEmpty()).map(Map.Entry::getKey).collect(Collectors.toSet());

    private McpParams() {
    }

    /** What is wrong with the message's params, if its method is one this server knows and they do not fit it. */
    static Optional<String> problem(JsonRpcMessage message) {
        Validator validator = BY_METHOD.get(message.method());
        if (validator == null) {
            return Optional.empty();
        }
        Object params = message.json().getValue("params");
        if (params == null) {
            if (!message.json().containsKey("params") && PARAMS_OPTIONAL.contains(message.method())) {
                return Optional.empty();
            }
            return Optional.of(invalid(message, "params must be an object" + such(message)));
        }
        if (!(params instanceof JsonObject)) {
            return Optional
                    .of(invalid(message, "params must be an object, not " + typeOf(params) + "," + such(message)));
        }
        OutputUnit result = validator.validate(params);
        if (result.getValid()) {
            return Optional.empty();
        }
        String errors = result.getErrors().stream().map(error -> describe(SCHEMAS.get(message.method()), error))
                .filter(Objects::nonNull).distinct().collect(Collectors.joining("; "));
        // A rule describe() has no words for is named as the validator words it.
        return Optional.of(invalid(message, errors.isEmpty() ? String.valueOf(result.getErrors().get(0).getError())
                : errors));
    }

    private static String invalid(JsonRpcMessage message, String detail) {
        return "Invalid params for " + message.method() + ": " + detail + ".";
    }

    private static String such(JsonRpcMessage message) {
        return switch (message.method()) {
        case "tools/call" -> " such as {\"name\": \"<tool>\", \"arguments\": {...}}";
        case "prompts/get" -> " such as {\"name\": \"<prompt>\", \"arguments\": {...}}";
        case "resources/read", "resources/subscribe", "resources/unsubscribe" -> " such as {\"uri\": \"<uri>\"}";
        default -> "";
        };
    }

    /** One error in words, or null for the "does not match" summaries of the errors under it. */
    private static String describe(JsonObject schema, OutputUnit error) {
        String keyword = error.getKeywordLocation() == null ? "" : error.getKeywordLocation().replaceFirst("^#?/?", "");
        String at = error.getInstanceLocation() == null ? "" : error.getInstanceLocation().replaceFirst("^#?/?", "")
                .replace('/', '.');
        String prefix = at.isEmpty() ? "" : at + ".";
        Object rule = at(schema, keyword);
        if (keyword.endsWith("required")) {
            Matcher property = QUOTED.matcher(String.valueOf(error.getError()));
            return prefix + (property.find() ? property.group(1) : "a property") + " is required";
        }
        if (keyword.endsWith("type")) {
            List<?> types = rule instanceof JsonArray list ? list.getList() : List.of(String.valueOf(rule));
            return at + " must be " + types.stream().map(type -> ("object".equals(type) || "integer".equals(type)
                    ? "an " : "a ") + type).collect(Collectors.joining(" or "));
        }
        if (keyword.endsWith("enum") && rule instanceof JsonArray values) {
            return at + " must be one of " + values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        return null;
    }

    /** The part of a schema a keyword location points to. */
    private static Object at(JsonObject schema, String location) {
        Object node = schema;
        for (String step : location.split("/")) {
            node = node instanceof JsonObject object ? object.getValue(step) : null;
        }
        return node;
    }

    private static String typeOf(Object value) {
        if (value instanceof JsonArray) {
            return "an array";
        }
        return value instanceof String ? "a string" : value instanceof Number ? "a number" : "a boolean";
    }

    private static Map<String, JsonObject> load() {
        try (InputStream in = McpParams.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is missing from the build");
            }
            Map<String, JsonObject> schemas = new TreeMap<>();
            new JsonObject(Buffer.buffer(in.readAllBytes())).forEach(entry -> {
                if (entry.getValue() instanceof JsonObject schema) {
                    schemas.put(entry.getKey(), schema);
                }
            });
            return Map.copyOf(schemas);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Validator> validators(Map<String, JsonObject> schemas) {
        Map<String, Validator> validators = new TreeMap<>();
        schemas.forEach((method, schema) -> validators.put(method, Validator.create(JsonSchema.of(schema),
                new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("urn:atlmcp:mcp-params")
                        .setOutputFormat(OutputFormat.Basic))));
        return Map.copyOf(validators);
    }
}

package dev.atlmcp.platform.args;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkiverse.mcp.server.ToolCallException;
import io.quarkiverse.mcp.server.ToolInputGuardrail;
import io.quarkiverse.mcp.server.ToolManager.ToolArgument;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.platform.audit.AuditLog;
import dev.atlmcp.platform.observability.ToolMetrics;

/**
 * Every tool's arguments, checked against what the tool declares before anything else runs, so that a mistake comes
 * back as a tool error the model can read and correct: an argument the tool does not take (with the ones it does), a
 * value of the wrong type or a whole number out of range (with the argument's description, which gives its range), a
 * required argument left out; every problem of a call at once, one per line, audited and counted as an error of kind
 * {@code invalid_arguments}. Values the MCP library converts without loss are accepted: a number for a text, a number
 * or {@code true}/{@code false} given as text. Every {@code @Tool} names this class in
 * {@code @ToolGuardrails(input = ...)}.
 */
@Singleton
public class CheckedArguments implements ToolInputGuardrail {

    private static final int SHOWN = 60;

    private final AuditLog audit;
    private final ToolMetrics metrics;

    CheckedArguments(AuditLog audit, ToolMetrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

    @Override
    public void apply(ToolInputContext context) {
        long start = System.nanoTime();
        problems(context).ifPresent(problems -> {
            String tool = context.getTool().name();
            audit.invalidArguments(tool, problems);
            metrics.toolCall(tool, "error", AuditLog.INVALID_ARGUMENTS, System.nanoTime() - start);
            throw new ToolCallException(problems);
        });
    }

    /** Every problem with the call's arguments, one per line. */
    private static Optional<String> problems(ToolInputContext context) {
        Map<String, ToolArgument> declared = new LinkedHashMap<>();
        context.getTool().arguments().forEach(argument -> declared.put(argument.name(), argument));
        JsonObject arguments = context.getArguments() == null ? new JsonObject() : context.getArguments();
        for (String name : arguments.fieldNames()) {
            if (!declared.containsKey(name)) {
                return Optional.of("Unknown argument " + name + ": " + context.getTool().name() + " takes "
                        + (declared.isEmpty() ? "no arguments" : String.join(", ", declared.keySet())) + ".");
            }
        }
        List<String> problems = new ArrayList<>();
        for (ToolArgument argument : declared.values()) {
            Object value = arguments.getValue(argument.name());
            if (value != null) {
                problem(argument.type(), value).ifPresent(problem -> problems.add("Invalid argument " + argument
                        .name() + ": " + problem + description(argument).map(d -> " (" + d + ")").orElse("") + "."));
            }
        }
        for (ToolArgument argument : declared.values()) {
            if (arguments.getValue(argument.name()) == null && argument.required() && argument.defaultValue() == null) {
                problems.add("Missing required argument " + argument.name() + description(argument).map(d -> ": "
                        + d).orElse("") + ".");
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", problems));
    }

    private static Optional<String> description(ToolArgument argument) {
        return Optional.ofNullable(argument.description()).filter(d -> !d.isBlank());
    }

    /** What is wrong with a value for a parameter of this Java type, if anything. */
    static Optional<String> problem(Type type, Object value) {
        Class<?> raw = raw(type);
        if (raw == String.class) {
            return value instanceof JsonObject || value instanceof JsonArray ? expected("text", value)
                    : Optional.empty();
        }
        if (raw == int.class || raw == Integer.class) {
            return wholeNumber(value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (raw == long.class || raw == Long.class) {
            return wholeNumber(value, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return value instanceof Boolean || value instanceof String text && (text.equalsIgnoreCase("true") || text
                    .equalsIgnoreCase("false")) ? Optional.empty() : expected("true or false", value);
        }
        if (List.class.isAssignableFrom(raw)) {
            if (!(value instanceof JsonArray items)) {
                return expected("a list", value);
            }
            Type item = type instanceof ParameterizedType generic ? generic.getActualTypeArguments()[0] : Object.class;
            for (Object element : items) {
                Optional<String> problem = element == null ? Optional.empty() : problem(item, element);
                if (problem.isPresent()) {
                    return Optional.of("in the list: " + problem.get());
                }
            }
            return Optional.empty();
        }
        if (Map.class.isAssignableFrom(raw)) {
            return value instanceof JsonObject ? Optional.empty() : expected("an object", value);
        }
        return Optional.empty();
    }

    private static Optional<String> wholeNumber(Object value, long min, long max) {
        BigDecimal number;
        try {
            number = value instanceof Number n ? new BigDecimal(n.toString()) : value instanceof String text
                    ? new BigDecimal(text.trim()) : null;
        } catch (NumberFormatException e) {
            number = null;
        }
        if (number == null || number.stripTrailingZeros().scale() > 0) {
            return expected("a whole number", value);
        }
        if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            return Optional.of(shown(value) + " is out of range");
        }
        return Optional.empty();
    }

    private static Optional<String> expected(String what, Object value) {
        return Optional.of("expected " + what + ", got " + shown(value));
    }

    private static String shown(Object value) {
        String json = Json.encode(value);
        return json.length() <= SHOWN ? json : json.substring(0, SHOWN) + "...";
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        return type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> plain ? plain
                : Object.class;
    }
}

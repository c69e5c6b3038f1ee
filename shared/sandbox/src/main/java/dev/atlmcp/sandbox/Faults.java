package dev.atlmcp.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fault switch: rules that delay, replace or drop product API responses. Each rule matches a path prefix, or one
 * exact path ({@code path}), and optionally a method and a text the body contains (a GraphQL operation name); fires
 * with a probability ({@code rate}, repeatable with a {@code seed}) and for a number of times (0 = until cleared).
 * Besides failing, a rule can add {@code headers} to the normal answer (e.g. Atlassian's near-limit signal). With
 * {@code idleAtLeastMs} a rule fires only for a request that arrives on a kept-alive connection unused for at least
 * that long: with {@code drop}, a server whose keep-alive timeout elapses just as the request comes in.
 */
public final class Faults {

    /** What to do to one request. */
    public record Rule(String pathPrefix, boolean exact, String method, String bodyContains, int status,
            Integer retryAfterSeconds, long latencyMillis, boolean drop, boolean afterProcessing, double rate,
            int remaining, Map<String, String> headers, long idleAtLeastMillis, Random random) {

        static Rule fromJson(JsonNode json) {
            Rule rule = new Rule(json.path("path").asText(json.path("pathPrefix").asText("/")), json.has("path"),
                    json.path("method").asText(null), json.path("bodyContains").asText(null),
                    json.path("status").asInt(0),
                    json.hasNonNull("retryAfter") ? json.get("retryAfter").asInt() : null,
                    json.path("latencyMs").asLong(0), json.path("drop").asBoolean(false),
                    json.path("afterProcessing").asBoolean(false), json.path("rate").asDouble(1.0),
                    json.path("count").asInt(0), headers(json.path("headers")), json.path("idleAtLeastMs").asLong(0),
                    json.hasNonNull("seed")
                            ? new Random(json.get("seed").asLong()) : null);
            if (rule.status == 0 && rule.latencyMillis == 0 && !rule.drop && rule.headers.isEmpty()) {
                throw new IllegalArgumentException("A fault needs one of: status, latencyMs, drop, headers");
            }
            if (rule.rate <= 0 || rule.rate > 1) {
                throw new IllegalArgumentException("rate must be in (0, 1]");
            }
            return rule;
        }

        boolean matches(String requestMethod, String path, String body, long idleMillis) {
            return idleMillis >= idleAtLeastMillis && (exact ? path.equals(pathPrefix) : path.startsWith(pathPrefix))
                    && (method == null || method.equalsIgnoreCase(requestMethod))
                    && (bodyContains == null || body.contains(bodyContains));
        }

        Rule used() {
            return new Rule(pathPrefix, exact, method, bodyContains, status, retryAfterSeconds, latencyMillis, drop,
                    afterProcessing, rate, remaining - 1, headers, idleAtLeastMillis, random);
        }

        /** Whether the rule fires this time: always at rate 1, else by chance (repeatable when seeded). */
        boolean fires() {
            return rate >= 1
                    || (random != null ? random.nextDouble() : ThreadLocalRandom.current().nextDouble()) < rate;
        }

        private static Map<String, String> headers(JsonNode json) {
            Map<String, String> headers = new LinkedHashMap<>();
            json.fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
            return Map.copyOf(headers);
        }
    }

    private final List<Rule> rules = new ArrayList<>();

    public synchronized void add(Rule rule) {
        rules.add(rule);
    }

    public synchronized void clear() {
        rules.clear();
    }

    /**
     * The rule that fires for this request, if any; counted rules are used up as they fire. {@code idleMillis}: how
     * long the request's connection was unused before it (0 for a new connection).
     */
    public synchronized Rule next(String method, String path, String body, long idleMillis) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext();) {
            Rule rule = it.next();
            if (rule.matches(method, path, body, idleMillis) && rule.fires()) {
                if (rule.remaining > 0) {
                    int index = rules.indexOf(rule);
                    if (rule.remaining == 1) {
                        rules.remove(index);
                    } else {
                        rules.set(index, rule.used());
                    }
                }
                return rule;
            }
        }
        return null;
    }
}

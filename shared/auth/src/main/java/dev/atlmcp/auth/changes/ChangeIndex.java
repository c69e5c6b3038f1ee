package dev.atlmcp.auth.changes;

import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a product keeps each caller's list of recent agent changes (Jira: a user property of the account the calls
 * use). The list is a convenience for finding change ids; the records themselves live on the changed items.
 */
public interface ChangeIndex {

    /** Why this product keeps no list, if it cannot (e.g. an API without user properties); empty if it can. */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    Optional<JsonNode> read(String key);

    /**
     * Reads the value under {@code key}, writes what {@code change} makes of it; one read and one write, with the
     * account the calls use looked up once.
     */
    void update(String key, UnaryOperator<Optional<JsonNode>> change);
}

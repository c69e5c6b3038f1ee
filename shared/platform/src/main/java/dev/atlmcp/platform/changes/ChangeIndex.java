package dev.atlmcp.platform.changes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a product keeps each caller's list of recent agent changes (Jira: a user property of the account the calls
 * use). The list is a convenience for finding change ids; the records themselves live on the changed items.
 */
public interface ChangeIndex {

    /** The key for one caller's {@code kind} of data: a hash of their subject, so the key shows no identity. */
    static String callerKey(String kind, String subject) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return "atlmcp." + kind + "." + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

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

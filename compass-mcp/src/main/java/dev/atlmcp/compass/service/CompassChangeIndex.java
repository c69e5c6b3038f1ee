package dev.atlmcp.compass.service;

import java.util.Optional;
import java.util.function.UnaryOperator;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.platform.changes.ChangeIndex;

/** Compass keeps no per-account data this server could write, so no list of a caller's changes is kept there. */
@ApplicationScoped
public class CompassChangeIndex implements ChangeIndex {

    @Override
    public Optional<String> unavailable() {
        return Optional.of("Compass has no place to keep a list of your changes.");
    }

    @Override
    public Optional<JsonNode> read(String key) {
        return Optional.empty();
    }

    @Override
    public void update(String key, UnaryOperator<Optional<JsonNode>> change) {
        throw new UnsupportedOperationException("Compass keeps no change list");
    }
}

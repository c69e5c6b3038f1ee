package dev.atlmcp.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.sandbox.http.Json;

/** Seed documents shipped with the sandbox: the ADF corpus copies under {@code /sandbox/adf/} and product files. */
public final class SeedResources {

    private SeedResources() {
    }

    /** A JSON seed file: a bare name is taken from the ADF corpus, a path from {@code /sandbox/}. */
    public static JsonNode adf(String resource) {
        String path = resource.contains("/") ? "/sandbox/" + resource : "/sandbox/adf/" + resource;
        try (InputStream in = SeedResources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing seed resource " + path);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.atlmcp.testing.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Operations Atlassian has deprecated or removed where the vendored description is silent
 * ({@code contract/deprecations.tsv}): the announcement, and what replaces each.
 */
final class Deprecations {

    private final Map<String, String> entries;

    private Deprecations(Map<String, String> entries) {
        this.entries = entries;
    }

    static Deprecations load() {
        Map<String, String> entries = new HashMap<>();
        try (InputStream in = Deprecations.class.getClassLoader().getResourceAsStream("contract/deprecations.tsv")) {
            if (in == null) {
                throw new IllegalStateException("contract/deprecations.tsv is not on the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 5) {
                    throw new IllegalStateException("contract/deprecations.tsv: five tab-separated fields in: "
                            + line);
                }
                entries.put(f[0] + " " + f[1] + " " + f[2], f[3] + "; use " + f[4]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Deprecations(entries);
    }

    /** Why the operation must not be used, if Atlassian deprecated it. */
    Optional<String> of(String api, String method, String operation) {
        return Optional.ofNullable(entries.get(api + " " + method + " " + operation));
    }
}

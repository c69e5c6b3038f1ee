package dev.atlmcp.testing.contract;

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
        ReviewedList.rows("deprecations.tsv", 5).forEach(f -> entries.put(f[0] + " " + f[1] + " " + f[2], f[3]
                + "; use " + f[4]));
        return new Deprecations(entries);
    }

    /** Why the operation must not be used, if Atlassian deprecated it. */
    Optional<String> of(String api, String method, String operation) {
        return Optional.ofNullable(entries.get(api + " " + method + " " + operation));
    }
}

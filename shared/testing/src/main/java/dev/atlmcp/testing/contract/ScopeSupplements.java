package dev.atlmcp.testing.contract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The reviewed list of OAuth scopes for operations whose vendored description names none, or which it lacks
 * ({@code contract/scopes.tsv}), each with where the scopes come from.
 */
final class ScopeSupplements {

    private record Entry(String api, String method, Pattern path, Set<String> scopes) {

        boolean covers(String api, String method, String path) {
            return this.api.equals(api) && ("*".equals(this.method) || this.method.equals(method)) && this.path
                    .matcher(path).matches();
        }
    }

    private final List<Entry> entries;

    private ScopeSupplements(List<Entry> entries) {
        this.entries = entries;
    }

    static ScopeSupplements load() {
        return new ScopeSupplements(ReviewedList.rows("scopes.tsv", 5).stream().map(f -> new Entry(f[0], f[1],
                Pattern.compile(f[2]), new LinkedHashSet<>(List.of(f[3].split(" "))))).toList());
    }

    /** The scopes that allow {@code method path} of {@code api}, if the list names them. */
    Optional<Set<String>> of(String api, String method, String path) {
        return entries.stream().filter(e -> e.covers(api, method, path)).findFirst().map(Entry::scopes);
    }
}

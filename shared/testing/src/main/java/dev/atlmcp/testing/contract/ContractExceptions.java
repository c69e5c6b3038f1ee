package dev.atlmcp.testing.contract;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The reviewed list of places where a vendored description is itself wrong or stale ({@code contract/exceptions.tsv}):
 * a mismatch there is counted, not failed. Each entry names the API, method, operation and answer status it covers, the
 * validator's message key (a prefix), optionally a pattern found in the message, and why the description is wrong.
 */
final class ContractExceptions {

    /**
     * One reviewed exception. {@code *} as API, method, operation or status covers any; a status such as {@code 4xx}
     * covers its class.
     */
    record Entry(String api, String method, String operation, String status, String key, String contains,
            String reason) {

        boolean covers(String api, String method, String operation, int status, String key, String message) {
            return matches(this.api, api) && matches(this.method, method) && matches(this.operation, operation)
                    && (matches(this.status, String.valueOf(status)) || this.status.equals(status / 100 + "xx"))
                    && key.startsWith(this.key) && (contains.isEmpty() || Pattern.compile(contains).matcher(message)
                            .find());
        }

        private static boolean matches(String pattern, String value) {
            return "*".equals(pattern) || pattern.equals(value);
        }

        @Override
        public String toString() {
            return api + " " + method + " " + operation + " " + status + " " + key + (contains.isEmpty() ? ""
                    : " \"" + contains + "\"") + ": " + reason;
        }
    }

    private final List<Entry> entries;

    private ContractExceptions(List<Entry> entries) {
        this.entries = entries;
    }

    static ContractExceptions load() {
        return new ContractExceptions(ReviewedList.rows("exceptions.tsv", 7).stream().map(f -> new Entry(f[0], f[1],
                f[2], f[3], f[4], "-".equals(f[5]) ? "" : f[5], f[6])).toList());
    }

    Optional<Entry> covering(String api, String method, String operation, int status, String key, String message) {
        return entries.stream().filter(e -> e.covers(api, method, operation, status, key, message)).findFirst();
    }
}

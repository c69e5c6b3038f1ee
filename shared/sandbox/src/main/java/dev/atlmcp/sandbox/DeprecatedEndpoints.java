package dev.atlmcp.sandbox;

import java.util.List;
import java.util.regex.Pattern;

import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Response;

/**
 * Cloud operations Atlassian has deprecated and announced for removal, which the sandbox still serves until a test
 * switches them off ({@code POST /_sandbox/deprecated {"off": true}}); then they answer 410 Gone, as removed ones do,
 * so a test shows the servers no longer need them.
 */
final class DeprecatedEndpoints {

    private record Entry(Pattern path, String replacement) {
    }

    private static final List<Entry> ENTRIES = List.of(
            // Confluence v1 content properties, replaced by the v2 page properties
            new Entry(Pattern.compile("/wiki/rest/api/content/[^/]+/property(/[^/]+)?"),
                    "/wiki/api/v2/pages/{id}/properties"));

    private volatile boolean off;

    void switchOff(boolean value) {
        off = value;
    }

    /** A 410 answer if the request is to a deprecated operation and those are switched off. */
    Response gone(String cloudPath) {
        if (!off) {
            return null;
        }
        for (Entry entry : ENTRIES) {
            if (entry.path().matcher(cloudPath).matches()) {
                return Response.json(410, ApiException.errorCollection(List.of("The requested API has been removed. "
                        + "Please migrate to " + entry.replacement() + "."), java.util.Map.of()));
            }
        }
        return null;
    }
}

package dev.atlmcp.compass;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.ToolArgumentChecks;

/**
 * Wrong, unknown, missing and out-of-range arguments of every tool, answered as tool errors (see ToolArgumentChecks).
 */
@QuarkusTest
class ToolArgumentsTest extends ToolArgumentChecks {

    @Override
    protected Map.Entry<String, String> pagedToolAndRange() {
        return Map.entry("compass_get_events", "1-50");
    }

    @Override
    protected Map<String, Object> pagedToolArguments() {
        return Map.of("component", "checkout-api");
    }
}

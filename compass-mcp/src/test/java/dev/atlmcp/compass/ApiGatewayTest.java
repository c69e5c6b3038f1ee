package dev.atlmcp.compass;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.testing.ApiGatewayProfile;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** With a scoped token, Compass queries go to the API gateway's {@code /graphql} instead of the site's gateway path. */
@QuarkusTest
@TestProfile(ApiGatewayProfile.class)
class ApiGatewayTest extends SandboxReset {

    @Test
    void componentsAreReadThroughTheApiGateway() {
        Mcp.Result result = call(Transport.STREAMABLE, "compass_get_component", Map.of("component", "checkout-api"));
        assertFalse(result.isError(), () -> text(result));
        assertTrue(text(result).contains("checkout-api"), text(result));
        List<String> log = Mcp.sandbox().requestLog().stream().map(r -> r.method() + " " + r.path() + " " + r
                .status() + " " + r.user()).toList();
        assertTrue(log.contains("POST /graphql 200 " + Directory.BOT.accountId()), log::toString);
        assertEquals(List.of(), log.stream().filter(r -> r.contains("/gateway/api")).toList());
    }
}

package dev.atlmcp.compass;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.testing.AuditEvents;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;
import dev.atlmcp.testing.SandboxSite;

/**
 * Component updates and their undo: the change id carries the previous values, so the undo needs nothing stored; it is
 * refused once the fields changed again, and only the caller who made the change may undo it.
 */
@QuarkusTest
class ComponentUpdatesTest extends SandboxReset {

    private static final String PLATFORM = "ari:cloud:teams::team/" + UUID.nameUUIDFromBytes("team-platform".getBytes(
            StandardCharsets.UTF_8));
    private static final Pattern CHANGE_ID = Pattern.compile("Change id: (\\S+)");

    private static String changeId(Mcp.Result result) {
        assertFalse(result.isError(), result::text);
        Matcher id = CHANGE_ID.matcher(result.text());
        assertTrue(id.find(), result.text());
        return id.group(1);
    }

    private static String component() {
        return text(call(Transport.STREAMABLE, "compass_get_component", Map.of("component", "checkout-api")));
    }

    @Test
    void anUpdateIsUndoneWithThePreviousValuesItCarries() {
        String before = component();
        Mcp.Result updated = call(Transport.STREAMABLE, "compass_update_component", Map.of("component",
                "checkout-api", "description", "Owns the order flow.", "owner_id", PLATFORM));
        assertTrue(updated.text().startsWith("Updated description, owner of checkout-api.\nChange id: "),
                updated.text());
        String id = changeId(updated);
        String after = component();
        assertTrue(after.contains("Owns the order flow.") && after.contains("Owner team: " + PLATFORM), after);

        assertEquals("Done: the description, owner of checkout-api are back to their previous values.", text(call(
                Transport.SSE, "compass_undo_change", Map.of("change_id", id))));
        assertEquals(Mcp.withoutNonce(before), Mcp.withoutNonce(component()));
        Mcp.Result again = call(Transport.STREAMABLE, "compass_undo_change", Map.of("change_id", id));
        assertTrue(again.isError());
        assertEquals("checkout-api already has the values it had before this change: it was undone already, or set "
                + "back by someone. Nothing was changed.", again.text());
    }

    @Test
    void anUndoIsRefusedWhenTheFieldsChangedAgain() {
        String id = changeId(call(Transport.STREAMABLE, "compass_update_component", Map.of("component",
                "checkout-api", "description", "Owns the order flow.")));
        String ari = Pattern.compile("Id: (ari:\\S+)").matcher(component()).results().findFirst().orElseThrow()
                .group(1);
        SandboxSite.send(Directory.BOB, "POST", "/gateway/api/graphql", new JsonObject().put("query",
                "mutation($i: UpdateCompassComponentInput!) { compass { updateComponent(input: $i) { success } } }")
                .put("variables", new JsonObject().put("i", new JsonObject().put("id", ari).put("description",
                        "Bob's description.")))
                .encode());
        Mcp.Result refused = call(Transport.STREAMABLE, "compass_undo_change", Map.of("change_id", id));
        assertTrue(refused.isError());
        assertEquals("Not undone: the description of checkout-api changed again after your change, and undoing it "
                + "would overwrite that. Nothing was changed. Read it with compass_get_component and set what is "
                + "still wrong with compass_update_component.", refused.text());
        assertTrue(component().contains("Bob's description."));
    }

    @Test
    void onlyTheCallerWhoseAgentMadeTheChangeCanUndoIt() {
        String id = changeId(call(Transport.STREAMABLE, "compass_update_component", Map.of("component",
                "checkout-api", "name", "checkout-service")));
        Mcp.Result refused = call(Transport.STREAMABLE, "compass_undo_change", Map.of("change_id", id), Mcp.as(Mcp
                .tokenFor("someone-else", "bob.martin@example.com")));
        assertTrue(refused.isError());
        assertTrue(refused.text().endsWith(" was made by another person's agent; only they can undo it. Nothing was "
                + "changed."), refused.text());
    }

    @Test
    void badArgumentsAndCompassRefusalsAreClear() {
        Mcp.sandbox().clearRequests();
        assertEquals("Invalid argument: Nothing to change: give name, description, owner_id or custom_fields.",
                text(call(
                        Transport.STREAMABLE, "compass_update_component", Map.of("component", "checkout-api"))));
        assertEquals("Invalid argument: owner_id must be a team id like ari:cloud:teams::team/<uuid> "
                + "(compass_who_owns and compass_get_component show a component's), got 'Platform'",
                text(call(Transport.STREAMABLE,
                        "compass_update_component", Map.of("component", "checkout-api", "owner_id", "Platform"))));
        assertTrue(Mcp.sandbox().requests().stream().noneMatch(r -> r.contains("updateComponent")));
        Mcp.Result unknownTeam = call(Transport.STREAMABLE, "compass_update_component", Map.of("component",
                "checkout-api", "owner_id", "ari:cloud:teams::team/00000000-0000-0000-0000-000000000000"));
        assertTrue(unknownTeam.isError());
        assertTrue(unknownTeam.text().contains("Team ari:cloud:teams::team/00000000-0000-0000-0000-000000000000 not "
                + "found"), unknownTeam.text());
        assertTrue(text(call(Transport.STREAMABLE, "compass_update_component", Map.of("component", "checkout-api",
                "name", " "))).startsWith("Invalid argument: name"));
    }

    @Test
    void truncatedOrMadeUpChangeIdsAreRefused() {
        String id = changeId(call(Transport.STREAMABLE, "compass_update_component", Map.of("component",
                "checkout-api", "description", "Owns the order flow.")));
        assertTrue(text(call(Transport.STREAMABLE, "compass_undo_change", Map.of("change_id", id.substring(0, id
                .length() - 20)))).startsWith("Invalid argument: change_id must be the whole change id a Compass "
                        + "write answered (it is long; copy all of it)"));
        assertTrue(text(call(Transport.STREAMABLE, "compass_undo_change", Map.of("change_id", "OPS-5~k3j4h5g6f7")))
                .startsWith("Invalid argument: change_id must be the whole change id"));
    }

    @Test
    void theListExplainsWhereCompassChangeIdsAreAndTheAuditHasTheBeforeImage() {
        assertEquals("Compass has no place to keep a list of your changes. Every write's answer gives its change id, "
                + "and the audit log records it; compass_undo_change takes that id.",
                text(call(Transport.STREAMABLE,
                        "compass_list_my_agent_changes", Map.of())));
        try (AuditEvents audit = AuditEvents.capture()) {
            String id = changeId(call(Transport.STREAMABLE, "compass_update_component", Map.of("component",
                    "checkout-api", "description", "Owns the order flow.")));
            JsonObject change = audit.single("compass_update_component").getJsonArray("changes").getJsonObject(0);
            assertEquals(id, change.getString("changeId"));
            assertEquals("Takes orders from the storefront and mobile app and hands them to payments.", change
                    .getJsonObject("before").getString("description"));
        }
    }
}

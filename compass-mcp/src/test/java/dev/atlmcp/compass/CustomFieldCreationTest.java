package dev.atlmcp.compass;

import static dev.atlmcp.testing.Mcp.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/**
 * compass_create_custom_field: a definition created and then usable on components; its undo deletes it only while no
 * component has a value of it, because Compass deletes the values with the definition.
 */
@QuarkusTest
class CustomFieldCreationTest extends SandboxReset {

    private static final Map<String, Object> CLASSIFICATION = Map.of("name", "Data classification", "type",
            "single select", "description", "How sensitive the data it handles is", "component_types", List.of(
                    "service", "APPLICATION"),
            "options", List.of("public", "internal", "confidential"));

    private static Mcp.Result create(Transport transport, Map<String, Object> arguments) {
        return call(transport, "compass_create_custom_field", arguments);
    }

    private static String changeId(Mcp.Result result) {
        return result.text().replaceFirst("(?s).*Change id: (\\S+).*", "$1");
    }

    @Test
    void aSelectFieldIsCreatedSetOnAComponentAndItsUndoWaitsUntilNoValueIsLeft() {
        Mcp.Result created = create(Transport.STREAMABLE, CLASSIFICATION);
        assertFalse(created.isError(), created::text);
        assertTrue(created.text().startsWith("Created the single select custom field Data classification (id "
                + "field-"), created.text());
        String fields = call(Transport.SSE, "compass_list_custom_fields", Map.of()).text();
        assertTrue(fields.contains("| Data classification | single select | public, internal, confidential | How "
                + "sensitive the data it handles is |"), fields);

        Mcp.Result set = call(Transport.STREAMABLE, "compass_update_component", Map.of("component", "checkout-api",
                "custom_fields", Map.of("Data classification", "confidential")));
        assertFalse(set.isError(), set::text);
        Mcp.Result refused = call(Transport.STREAMABLE, "compass_undo_change", Map.of("change_id", changeId(
                created)));
        assertTrue(refused.isError(), refused::text);
        assertEquals("Not undone: checkout-api has a value of the custom field Data classification, and deleting the "
                + "field would delete them. Clear them with compass_update_component first, or delete the field in "
                + "Compass. Nothing was changed.", refused.text());

        call(Transport.STREAMABLE, "compass_undo_change", Map.of("change_id", changeId(set)));
        String undone = call(Transport.SSE, "compass_undo_change", Map.of("change_id", changeId(created))).text();
        assertTrue(undone.startsWith("Done: deleted the custom field Data classification; no component had a value "
                + "of it."), undone);
        assertFalse(call(Transport.STREAMABLE, "compass_list_custom_fields", Map.of()).text().contains(
                "Data classification"));
        assertEquals("The custom field Data classification (id " + created.text().replaceFirst(
                "(?s).*\\(id (field-[^)]+)\\).*", "$1") + ") is gone already: someone deleted it. Nothing was "
                + "changed.",
                call(Transport.STREAMABLE, "compass_undo_change", Map.of("change_id", changeId(
                        created))).text());
    }

    @Test
    void aDryRunSendsNothingAndANameCompassHasIsRefused() {
        Map<String, Object> preview = new HashMap<>(CLASSIFICATION);
        preview.put("dry_run", true);
        String dryRun = create(Transport.STREAMABLE, preview).text();
        assertTrue(dryRun.startsWith("Dry run: nothing was sent. This call would create the single select custom "
                + "field Data classification for SERVICE, APPLICATION components with the options public, internal, "
                + "confidential with:\nPOST /graphql createCustomFieldDefinition"), dryRun);
        assertTrue(Mcp.sandbox().requests().size() <= 2, Mcp.sandbox().requests()::toString);

        Mcp.Result taken = create(Transport.SSE, Map.of("name", "tier", "type", "TEXT"));
        assertTrue(taken.isError(), taken::text);
        assertEquals("Compass already has a custom field named Tier (single select, id field-tier). Nothing was "
                + "changed.", taken.text());
    }

    @Test
    void eachBadArgumentIsOneClearMessage() {
        assertEquals("Invalid argument: type must be one of TEXT, NUMBER, BOOLEAN, USER, SINGLE_SELECT, MULTI_SELECT, "
                + "got 'date'", create(Transport.STREAMABLE, Map.of("name", "Go-live", "type", "date")).text());
        assertEquals("Invalid argument: options are only for SINGLE_SELECT and MULTI_SELECT fields", create(
                Transport.STREAMABLE, Map.of("name", "Owner note", "type", "TEXT", "options", List.of("a")))
                        .text());
        assertEquals("Invalid argument: options must list 1 to 50 different values for a multi select field, e.g. "
                + "[\"public\", \"internal\", \"confidential\"]",
                create(Transport.STREAMABLE, Map.of("name",
                        "Regions", "type", "MULTI_SELECT")).text());
        assertEquals("Invalid argument: component_types: 'DATABASE' is not a component type here; list them with "
                + "compass_list_component_types (e.g. SERVICE, APPLICATION, LIBRARY, OTHER)",
                create(
                        Transport.SSE, Map.of("name", "Engine", "type", "TEXT", "component_types", List.of(
                                "DATABASE"))).text());
        assertTrue(Mcp.sandbox().requests().stream().count() <= 4, "only reads: " + Mcp.sandbox().requests());
    }

    @Test
    void aFieldForAllTypesIsCreatedWithoutOptions() {
        Mcp.Result created = create(Transport.SSE, Map.of("name", "Runbook reviewed", "type", "boolean"));
        assertTrue(created.text().startsWith("Created the boolean custom field Runbook reviewed (id field-"), created
                .text());
        Mcp.Result set = call(Transport.STREAMABLE, "compass_update_component", Map.of("component", "payments-api",
                "custom_fields", Map.of("Runbook reviewed", true)));
        assertFalse(set.isError(), set::text);
        assertTrue(call(Transport.STREAMABLE, "compass_get_component", Map.of("component", "payments-api")).text()
                .contains("Runbook reviewed: yes"), "the new field shows on the component");
    }
}

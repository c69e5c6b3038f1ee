package dev.atlmcp.compass.tools;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import dev.atlmcp.platform.toolsets.ToolSetCatalog;

/**
 * compass-mcp's tool sets; {@code catalog} and {@code ownership} are offered unless {@code MCP_TOOLSETS} says
 * otherwise.
 */
public class CompassToolSets {

    @Produces
    @Singleton
    static ToolSetCatalog catalog() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("catalog", List.of("compass_search_components", "compass_get_component",
                "compass_list_component_types", "compass_list_custom_fields", "compass_get_dependencies",
                "compass_create_component", "compass_update_component", "compass_add_labels", "compass_add_link",
                "compass_create_relationship", "compass_list_my_agent_changes", "compass_undo_change"));
        sets.put("ownership", List.of("compass_who_owns", "compass_my_components"));
        sets.put("scorecards", List.of("compass_get_scorecards"));
        sets.put("metrics", List.of("compass_get_metrics"));
        sets.put("events", List.of("compass_get_events", "compass_record_deployment"));
        sets.put("fields", List.of("compass_create_custom_field"));
        return new ToolSetCatalog(sets, List.of("catalog", "ownership"));
    }
}

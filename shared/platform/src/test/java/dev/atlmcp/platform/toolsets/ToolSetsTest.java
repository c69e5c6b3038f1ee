package dev.atlmcp.platform.toolsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ToolSetsTest {

    private static final Set<String> TOOLS = Set.of("x_get", "x_search", "x_list_boards", "x_add_worklog",
            "x_disconnect_atlassian");

    private static ToolSetCatalog catalog() {
        Map<String, List<String>> sets = new LinkedHashMap<>();
        sets.put("core", List.of("x_get", "x_search"));
        sets.put("agile", List.of("x_list_boards"));
        sets.put("worklogs", List.of("x_add_worklog"));
        return new ToolSetCatalog(sets, List.of("core", "agile"));
    }

    private static ToolSets sets(String configured, String allowTools) {
        return new ToolSets(catalog(), () -> new HashSet<>(TOOLS), Optional.ofNullable(configured).map(c -> List.of(c
                .split(","))), Optional.ofNullable(allowTools).map(a -> List.of(a.split(","))));
    }

    @Test
    void withoutConfigurationTheDefaultSetsAreOffered() {
        ToolSets sets = sets(null, null);
        assertEquals(Set.of("core", "agile"), sets.enabled());
        assertTrue(sets.offers("x_get", null));
        assertTrue(sets.offers("x_list_boards", null));
        assertFalse(sets.offers("x_add_worklog", null));
        assertEquals(List.of(), sets.problems());
    }

    @Test
    void aClientNarrowsButNeverWidens() {
        ToolSets sets = sets(null, null);
        assertTrue(sets.offers("x_get", Set.of("core")));
        assertFalse(sets.offers("x_list_boards", Set.of("core")));
        assertFalse(sets.offers("x_add_worklog", Set.of("worklogs")), "worklogs is not enabled");
        assertFalse(sets.offers("x_add_worklog", sets.known(List.of("all")).orElseThrow()));
        assertFalse(sets.offers("x_unlisted", null), "a tool in no set is never offered");
    }

    @Test
    void setNamesIgnoreCaseAndAllMeansEverySet() {
        assertEquals(Optional.of(Set.of("core", "agile")), sets(null, null).known(List.of(" Core", "AGILE")));
        assertEquals(Set.of("core", "agile", "worklogs"), sets("all", null).enabled());
        assertEquals(Optional.empty(), sets(null, null).known(List.of("core", "nope")));
    }

    @Test
    void anUnknownSetStopsTheServerNamingTheSets() {
        assertEquals(List.of("Configuration error: mcp.toolsets (MCP_TOOLSETS) names a tool set this server does not "
                + "have: core,sprints; its sets are core, agile, worklogs (or all)."), sets("core,sprints", null)
                        .problems());
    }

    @Test
    void anAllowListNamingAToolOfADisabledSetStopsTheServer() {
        assertEquals(List.of("Configuration error: mcp.policy.allow-tools (MCP_POLICY_ALLOW_TOOLS) allows "
                + "x_add_worklog, but its tool set worklogs is not enabled; add it to mcp.toolsets (MCP_TOOLSETS, now "
                + "core,agile)."), sets(null, "x_get,x_add_worklog").problems());
        assertEquals(List.of(), sets("core,worklogs", "x_get,x_add_worklog").problems());
    }

    @Test
    void everyToolMustBeInExactlyOneSetAndEverySetMustNameRealTools() {
        Map<String, List<String>> sets = new LinkedHashMap<>(catalog().sets());
        sets.put("agile", List.of("x_list_boards", "x_get"));
        sets.put("worklogs", List.of("x_add_worklogs"));
        ToolSets toolSets = new ToolSets(new ToolSetCatalog(sets, List.of("core")), () -> new HashSet<>(TOOLS),
                Optional.empty(), Optional.empty());
        assertEquals(List.of("Tool x_add_worklog must be in exactly one tool set, is in none.",
                "Tool x_get must be in exactly one tool set, is in core, agile.",
                "Tool set worklogs names x_add_worklogs, which this server does not have."), toolSets.problems());
    }
}

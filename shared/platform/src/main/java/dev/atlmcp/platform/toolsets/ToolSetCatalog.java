package dev.atlmcp.platform.toolsets;

import java.util.List;
import java.util.Map;

/**
 * A server's tools in named sets, which the administrator enables ({@code MCP_TOOLSETS}) and a client narrows to per
 * connection ({@code /mcp?toolsets=...}). Every tool is in exactly one set, except the tool that withdraws a person's
 * Atlassian grant, which is offered with delegated access whatever the sets.
 *
 * @param sets
 *            every set by name, in the order the documentation lists them, with its tools
 * @param defaults
 *            the sets offered when {@code MCP_TOOLSETS} is not set
 */
public record ToolSetCatalog(Map<String, List<String>> sets, List<String> defaults) {

    public ToolSetCatalog {
        sets = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sets));
        defaults = List.copyOf(defaults);
    }
}

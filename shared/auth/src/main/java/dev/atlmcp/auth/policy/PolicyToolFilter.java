package dev.atlmcp.auth.policy;

import jakarta.inject.Singleton;

import io.quarkiverse.mcp.server.FilterContext;
import io.quarkiverse.mcp.server.ToolFilter;
import io.quarkiverse.mcp.server.ToolManager.ToolInfo;

import dev.atlmcp.auth.config.ServerConfig;

/**
 * Tool visibility from the operator's policy: read-only mode and allow/deny lists. A hidden tool is left out of
 * {@code tools/list} and a call to it is answered like a call to an unknown tool. This decides visibility only: it does
 * not block, and the MCP library ignores a filter that throws, so it fails open; enforcement that must fail closed
 * lives in the services.
 */
@Singleton
public class PolicyToolFilter implements ToolFilter {

    private final ServerConfig.Policy policy;

    PolicyToolFilter(ServerConfig config) {
        this.policy = config.policy();
    }

    @Override
    public boolean test(ToolInfo tool, FilterContext context) {
        boolean readOnlyTool = tool.annotations().map(a -> a.readOnlyHint()).orElse(false);
        if (policy.readOnly() && !readOnlyTool) {
            return false;
        }
        if (policy.allowTools().isPresent() && !policy.allowTools().get().contains(tool.name())) {
            return false;
        }
        return policy.denyTools().map(deny -> !deny.contains(tool.name())).orElse(true);
    }
}

package dev.atlmcp.platform.policy;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import io.quarkiverse.mcp.server.FilterContext;
import io.quarkiverse.mcp.server.McpMethod;
import io.quarkiverse.mcp.server.ToolFilter;
import io.quarkiverse.mcp.server.ToolManager;
import io.quarkiverse.mcp.server.ToolManager.ToolInfo;
import io.quarkus.security.identity.SecurityIdentity;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.inbound.InboundPolicy;
import dev.atlmcp.platform.audit.AuditLog;
import dev.atlmcp.platform.config.PlatformConfig;
import dev.atlmcp.platform.toolsets.RequestedToolSets;
import dev.atlmcp.platform.toolsets.ToolSets;

/**
 * Tool visibility from the operator's policy: the enabled tool sets, narrowed to those the client's MCP URL asks for,
 * read-only mode and allow/deny lists; the tool that withdraws a person's own Atlassian grant is offered with delegated
 * access only, whatever the sets, read-only or not. A hidden tool is left out of {@code tools/list} and a call to it is
 * answered like a call to an unknown tool. This decides visibility only: it does not block, and the MCP library ignores
 * a filter that throws, so it fails open; enforcement that must fail closed lives in the services.
 */
@Singleton
public class PolicyToolFilter implements ToolFilter {

    private final PlatformConfig.Policy policy;
    private final AtlassianConfig atlassian;
    private final AuditLog audit;
    private final SecurityIdentity identity;
    private final ToolSets toolSets;
    private final Provider<ToolManager> tools;

    /** The tool manager is looked up when needed: it depends on this filter. */
    PolicyToolFilter(PlatformConfig config, AtlassianConfig atlassian, AuditLog audit, SecurityIdentity identity,
            ToolSets toolSets, Provider<ToolManager> tools) {
        this.policy = config.policy();
        this.toolSets = toolSets;
        this.tools = tools;
        this.atlassian = atlassian;
        this.audit = audit;
        this.identity = identity;
    }

    @Override
    public boolean test(ToolInfo tool, FilterContext context) {
        boolean visible = visible(tool);
        if (!visible && context.method() == McpMethod.TOOLS_CALL) {
            audit.denied(tool.name(), identity, "hidden by policy");
        }
        return visible;
    }

    /**
     * Whether the request being served is offered this tool, so that prompts send an agent only to tools it can call.
     */
    public boolean offered(String name) {
        ToolInfo tool = tools.get().getTool(name);
        return tool != null && visible(tool);
    }

    private boolean visible(ToolInfo tool) {
        if (tool.name().endsWith(InboundPolicy.DISCONNECT_TOOL_SUFFIX)) {
            return atlassian.isOAuth() && policy.denyTools().map(deny -> !deny.contains(tool.name())).orElse(true);
        }
        if (!toolSets.offers(tool.name(), RequestedToolSets.current())) {
            return false;
        }
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

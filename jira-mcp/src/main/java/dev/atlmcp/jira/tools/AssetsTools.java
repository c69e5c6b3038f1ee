package dev.atlmcp.jira.tools;

import io.quarkiverse.mcp.server.Icons;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;

import dev.atlmcp.jira.render.AssetsMarkdown;
import dev.atlmcp.jira.service.Assets;
import dev.atlmcp.platform.args.ArgumentDescriptions;
import dev.atlmcp.platform.args.CheckedArguments;
import dev.atlmcp.platform.content.ContentPolicy;
import dev.atlmcp.platform.manifest.ProductIcons;
import dev.atlmcp.platform.toolcall.ToolCalls;

/** Assets (the Jira Service Management CMDB), read-only. */
@ToolCalls
public class AssetsTools {

    private final Assets assets;
    private final ContentPolicy content;

    AssetsTools(Assets assets, ContentPolicy content) {
        this.assets = assets;
        this.content = content;
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_search_assets", description = """
            Find Assets (CMDB) objects with AQL, e.g. objectType = Server AND Name like prod-eu, as a table: key, \
            name, type, id and their first attributes. Read one with jira_get_asset.""", annotations = @Tool.Annotations(title = "Search Assets", readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String jira_search_assets(
            @ToolArg(description = "An AQL query, e.g. objectType = Service AND Name like checkout") String aql,
            @ToolArg(description = ArgumentDescriptions.HOW_MANY, defaultValue = "20") int limit,
            @ToolArg(description = ArgumentDescriptions.CURSOR, required = false) String cursor) {
        return AssetsMarkdown.found(assets.search(aql, limit, cursor), content);
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_get_asset", description = """
            Read an Assets (CMDB) object by key or id: its type and every attribute, with the objects it references \
            (e.g. the server a service runs on).""", annotations = @Tool.Annotations(title = "Get Asset", readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String jira_get_asset(@ToolArg(description = "The object's key, e.g. ITA-42, or its id") String object) {
        return AssetsMarkdown.object(assets.object(object), content);
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_get_issue_assets", description = """
            The Assets (CMDB) objects connected to a Jira issue, e.g. the services and servers an incident \
            affects.""", annotations = @Tool.Annotations(title = "Get issue Assets", readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String jira_get_issue_assets(
            @ToolArg(name = "issue_key", description = JiraArgumentDescriptions.ISSUE_KEY) String issueKey,
            @ToolArg(description = ArgumentDescriptions.HOW_MANY, defaultValue = "20") int limit) {
        return AssetsMarkdown.linked(assets.ofIssue(issueKey, limit), content);
    }
}

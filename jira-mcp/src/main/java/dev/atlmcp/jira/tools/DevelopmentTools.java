package dev.atlmcp.jira.tools;

import io.quarkiverse.mcp.server.Icons;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;

import dev.atlmcp.jira.render.DevelopmentMarkdown;
import dev.atlmcp.jira.service.DevelopmentInfo;
import dev.atlmcp.platform.args.CheckedArguments;
import dev.atlmcp.platform.content.ContentPolicy;
import dev.atlmcp.platform.manifest.ProductIcons;
import dev.atlmcp.platform.toolcall.ToolCalls;

/** What was already done in code for an issue. */
@ToolCalls
public class DevelopmentTools {

    private final DevelopmentInfo development;
    private final ContentPolicy content;

    DevelopmentTools(DevelopmentInfo development, ContentPolicy content) {
        this.development = development;
        this.content = content;
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_get_development_info", description = """
            The pull requests (status, branches, author), branches and commits that mention a Jira issue in the \
            source-code tools connected to Jira (GitHub, Bitbucket, GitLab): the development panel's data. Use it \
            to see what was already done before writing code.""", annotations = @Tool.Annotations(title = "Get Jira development info", readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String jira_get_development_info(
            @ToolArg(name = "issue_key", description = JiraArgumentDescriptions.ISSUE_KEY) String issueKey) {
        return DevelopmentMarkdown.development(development.of(issueKey), content);
    }
}

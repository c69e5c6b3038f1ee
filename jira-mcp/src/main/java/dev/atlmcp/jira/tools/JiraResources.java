package dev.atlmcp.jira.tools;

import io.quarkiverse.mcp.server.Icons;
import io.quarkiverse.mcp.server.RequestUri;
import io.quarkiverse.mcp.server.ResourceTemplate;
import io.quarkiverse.mcp.server.TextResourceContents;

import dev.atlmcp.platform.manifest.ProductIcons;
import dev.atlmcp.platform.toolcall.MaskedOutput;
import dev.atlmcp.platform.toolcall.CallerLimited;
import dev.atlmcp.platform.content.ContentPolicy;
import dev.atlmcp.platform.toolcall.ResourceErrors;
import dev.atlmcp.jira.render.IssueMarkdown;
import dev.atlmcp.jira.service.JiraService;

/**
 * Issues and projects as MCP resources, for clients that attach context by URI. The same Markdown, policy and scope as
 * jira_get_issue and jira_get_project; failures are JSON-RPC errors with the same messages.
 */
@CallerLimited
@MaskedOutput
public class JiraResources {

    private final JiraService jira;
    private final ContentPolicy content;

    JiraResources(JiraService jira, ContentPolicy content) {
        this.jira = jira;
        this.content = content;
    }

    @Icons(ProductIcons.class)

    @ResourceTemplate(uriTemplate = "jira://issue/{key}", name = "jira_issue", title = "Jira issue", description = "One Jira issue as Markdown, e.g. jira://issue/OPS-42", mimeType = "text/markdown")
    TextResourceContents issue(String key, RequestUri uri) {
        try {
            return TextResourceContents.create(uri.value(), IssueMarkdown.issue(jira.issue(key), content));
        } catch (RuntimeException e) {
            throw ResourceErrors.of(e);
        }
    }

    @Icons(ProductIcons.class)

    @ResourceTemplate(uriTemplate = "jira://project/{key}", name = "jira_project", title = "Jira project", description = "One Jira project: lead, issue types, components, versions, e.g. jira://project/OPS", mimeType = "text/markdown")
    TextResourceContents project(String key, RequestUri uri) {
        try {
            return TextResourceContents.create(uri.value(), IssueMarkdown.project(jira.project(key)));
        } catch (RuntimeException e) {
            throw ResourceErrors.of(e);
        }
    }
}

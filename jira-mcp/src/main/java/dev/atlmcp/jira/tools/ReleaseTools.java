package dev.atlmcp.jira.tools;

import io.quarkiverse.mcp.server.Elicitation;
import io.quarkiverse.mcp.server.Icons;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;
import io.quarkiverse.mcp.server.ToolGuardrails;

import dev.atlmcp.jira.render.ReleaseMarkdown;
import dev.atlmcp.jira.service.Releases;
import dev.atlmcp.jira.service.VersionChanges;
import dev.atlmcp.platform.args.ArgumentDescriptions;
import dev.atlmcp.platform.args.CheckedArguments;
import dev.atlmcp.platform.content.ContentPolicy;
import dev.atlmcp.platform.manifest.ProductIcons;
import dev.atlmcp.platform.toolcall.ToolCalls;

/** Jira releases: a project's versions and a version's release notes. */
@ToolCalls
public class ReleaseTools {

    private final Releases releases;
    private final VersionChanges versions;
    private final ContentPolicy content;

    ReleaseTools(Releases releases, VersionChanges versions, ContentPolicy content) {
        this.releases = releases;
        this.versions = versions;
        this.content = content;
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_list_versions", description = """
            List a Jira project's versions (releases), latest release date first: name, id, released or not, \
            start and release dates, description.""", annotations = @Tool.Annotations(title = "List Jira versions", readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String jira_list_versions(@ToolArg(description = JiraArgumentDescriptions.PROJECT_KEY) String project,
            @ToolArg(description = "released, unreleased, archived or all, comma-separated; default released,unreleased", required = false) String status,
            @ToolArg(description = ArgumentDescriptions.HOW_MANY, defaultValue = "20") int limit,
            @ToolArg(description = ArgumentDescriptions.CURSOR, required = false) String cursor) {
        return ReleaseMarkdown.versions(releases.versions(project, status, limit, cursor), content);
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_get_release_notes", description = """
            Release notes of a Jira version as Markdown: its dates and description, then its issues grouped by \
            type with their status.""", annotations = @Tool.Annotations(title = "Get Jira release notes", readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String jira_get_release_notes(@ToolArg(description = JiraArgumentDescriptions.PROJECT_KEY) String project,
            @ToolArg(description = "Version name or id, e.g. storefront 3.5") String version) {
        return ReleaseMarkdown.notes(releases.notes(project, version), content);
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_create_version", description = """
            Create an unreleased version (release) in a Jira project, with optional description and start and \
            release dates (2027-01-15). A name the project has is refused. jira_undo_change deletes it while no \
            issue names it.""", annotations = @Tool.Annotations(title = "Create Jira version", readOnlyHint = false, destructiveHint = false, idempotentHint = false, openWorldHint = true))
    String jira_create_version(@ToolArg(description = JiraArgumentDescriptions.PROJECT_KEY) String project,
            @ToolArg(description = "The version's name, e.g. storefront 3.6") String name,
            @ToolArg(description = "What the release is about", required = false) String description,
            @ToolArg(name = "start_date", description = "When work on it starts, e.g. 2027-01-04", required = false) String startDate,
            @ToolArg(name = "release_date", description = "When it is due, e.g. 2027-01-15", required = false) String releaseDate,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return ReleaseMarkdown.created(versions.create(project, name, description, startDate, releaseDate, dryRun,
                confirmationToken));
    }
}

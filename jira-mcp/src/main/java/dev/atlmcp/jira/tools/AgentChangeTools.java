package dev.atlmcp.jira.tools;

import io.quarkiverse.mcp.server.Icons;
import io.quarkiverse.mcp.server.Elicitation;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolGuardrails;
import io.quarkiverse.mcp.server.ToolArg;

import dev.atlmcp.platform.args.ArgumentDescriptions;
import dev.atlmcp.platform.manifest.ProductIcons;
import dev.atlmcp.platform.args.CheckedArguments;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChanges;
import dev.atlmcp.platform.toolcall.ToolCalls;
import dev.atlmcp.jira.render.IssueMarkdown;
import dev.atlmcp.jira.service.JiraUndo;

/** The caller's own agent changes in Jira: listing them and undoing one. */
@ToolCalls
public class AgentChangeTools {

    private final AgentChanges changes;
    private final JiraUndo undo;

    AgentChangeTools(AgentChanges changes, JiraUndo undo) {
        this.changes = changes;
        this.undo = undo;
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_list_my_agent_changes", description = """
            List the changes your agent sessions made in Jira through this server (comments, field edits), newest \
            first, with the change ids jira_undo_change takes.""", annotations = @Tool.Annotations(title = "List my agent changes in Jira", readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String jira_list_my_agent_changes(
            @ToolArg(description = ArgumentDescriptions.HOW_MANY, defaultValue = "20") int limit) {
        Arguments.limit(limit, AgentChanges.KEEP);
        return changes.listing(limit, "jira_undo_change");
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "jira_undo_change", description = """
            Revert one of your agent changes by its change id: edited fields get their previous values back, an \
            added comment is deleted. Refused if the issue changed again since, so nobody's later work is lost.""", annotations = @Tool.Annotations(title = "Undo my Jira change", readOnlyHint = false, destructiveHint = true, idempotentHint = false, openWorldHint = true))
    String jira_undo_change(
            @ToolArg(name = "change_id", description = "Change id such as OPS-5~k3j4h5g6f7, from a write's answer or jira_list_my_agent_changes") String changeId,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return IssueMarkdown.undone(undo.undo(changeId, dryRun, confirmationToken));
    }
}

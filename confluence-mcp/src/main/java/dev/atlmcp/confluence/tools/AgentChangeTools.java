package dev.atlmcp.confluence.tools;

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
import dev.atlmcp.confluence.render.PageMarkdown;
import dev.atlmcp.confluence.service.PageUndo;

/** The caller's own agent changes in Confluence: listing them and undoing one. */
@ToolCalls
public class AgentChangeTools {

    private final AgentChanges changes;
    private final PageUndo undo;

    AgentChangeTools(AgentChanges changes, PageUndo undo) {
        this.changes = changes;
        this.undo = undo;
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "confluence_list_my_agent_changes", description = """
            List the page updates your agent sessions made in Confluence through this server, newest first, with \
            the change ids confluence_undo_change takes.""", annotations = @Tool.Annotations(title = "List my agent changes in Confluence", readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String confluence_list_my_agent_changes(
            @ToolArg(description = ArgumentDescriptions.HOW_MANY, defaultValue = "20") int limit) {
        Arguments.limit(limit, AgentChanges.KEEP);
        return changes.listing(limit, "confluence_undo_change");
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "confluence_undo_change", description = """
            Revert one of your page updates by its change id: the version it replaced is restored as a new version, \
            so the history keeps both. Refused if the page changed again since.""", annotations = @Tool.Annotations(title = "Undo my Confluence change", readOnlyHint = false, destructiveHint = true, idempotentHint = false, openWorldHint = true))
    String confluence_undo_change(
            @ToolArg(name = "change_id", description = "Change id such as 131075~k3j4h5g6f7, from a write's answer or confluence_list_my_agent_changes") String changeId,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return PageMarkdown.undone(undo.undo(changeId, dryRun, confirmationToken));
    }
}

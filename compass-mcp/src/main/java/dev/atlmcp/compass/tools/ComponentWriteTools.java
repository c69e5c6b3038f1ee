package dev.atlmcp.compass.tools;

import io.quarkiverse.mcp.server.Elicitation;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolArg;

import dev.atlmcp.auth.changes.AgentChanges;
import dev.atlmcp.auth.errors.ToolCalls;
import dev.atlmcp.compass.render.ComponentMarkdown;
import dev.atlmcp.compass.service.ComponentUpdates;

/** Compass component changes and their undo; each change id carries the previous values. */
@ToolCalls
public class ComponentWriteTools {

    private final ComponentUpdates updates;
    private final AgentChanges changes;

    ComponentWriteTools(ComponentUpdates updates, AgentChanges changes) {
        this.updates = updates;
        this.changes = changes;
    }

    @Tool(name = "compass_update_component", description = """
            Change a Compass component's name, description or owner team (a team id such as \
            ari:cloud:teams::team/...). Give only what changes. The answer's change id undoes it with \
            compass_undo_change.""", annotations = @Tool.Annotations(title = "Update Compass component", readOnlyHint = false, destructiveHint = true, idempotentHint = true, openWorldHint = true))
    String compass_update_component(
            @ToolArg(name = "component", description = "Component id (ari:cloud:compass:...), slug or exact name") String component,
            @ToolArg(description = "New name", required = false) String name,
            @ToolArg(description = "New description (plain text or Markdown)", required = false) String description,
            @ToolArg(name = "owner_id", description = "New owner team id, ari:cloud:teams::team/...", required = false) String ownerId,
            @ToolArg(name = "dry_run", description = "true: only show the request", defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = "Token from a confirmation preview the user agreed to", required = false) String confirmationToken,
            Elicitation elicitation) {
        return ComponentMarkdown.updated(updates.update(component, name, description, ownerId, dryRun,
                confirmationToken));
    }

    @Tool(name = "compass_list_my_agent_changes", description = """
            Explains where your Compass change ids are: Compass keeps no list of them, so each \
            compass_update_component answer gives its id.""", annotations = @Tool.Annotations(title = "List my agent changes in Compass", readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    String compass_list_my_agent_changes() {
        return changes.listing(AgentChanges.KEEP, "compass_undo_change");
    }

    @Tool(name = "compass_undo_change", description = """
            Revert one of your compass_update_component changes by its change id: the previous values come back. \
            Refused if those fields changed again since.""", annotations = @Tool.Annotations(title = "Undo my Compass change", readOnlyHint = false, destructiveHint = true, idempotentHint = false, openWorldHint = true))
    String compass_undo_change(
            @ToolArg(name = "change_id", description = "The whole change id from a compass_update_component answer") String changeId,
            @ToolArg(name = "dry_run", description = "true: only show the request", defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = "Token from a confirmation preview the user agreed to", required = false) String confirmationToken,
            Elicitation elicitation) {
        return ComponentMarkdown.undone(updates.undo(changeId, dryRun, confirmationToken));
    }
}

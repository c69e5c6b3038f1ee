package dev.atlmcp.compass.tools;

import java.util.List;
import java.util.Map;

import io.quarkiverse.mcp.server.Icons;
import io.quarkiverse.mcp.server.Elicitation;
import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolGuardrails;
import io.quarkiverse.mcp.server.ToolArg;

import dev.atlmcp.platform.args.ArgumentDescriptions;
import dev.atlmcp.platform.manifest.ProductIcons;
import dev.atlmcp.platform.args.CheckedArguments;
import dev.atlmcp.platform.changes.AgentChanges;
import dev.atlmcp.platform.toolcall.ToolCalls;
import dev.atlmcp.compass.render.ComponentMarkdown;
import dev.atlmcp.compass.service.CatalogAdditions;
import dev.atlmcp.compass.service.CompassUndo;
import dev.atlmcp.compass.service.ComponentCreation;
import dev.atlmcp.compass.service.ComponentUpdates;
import dev.atlmcp.compass.service.CustomFieldDefinitions;

/** Compass catalog changes and their undo; each change id carries what the change replaced or added. */
@ToolCalls
public class ComponentWriteTools {

    private final ComponentCreation creation;
    private final ComponentUpdates updates;
    private final CatalogAdditions additions;
    private final CompassUndo undo;
    private final AgentChanges changes;
    private final CustomFieldDefinitions fields;

    ComponentWriteTools(ComponentCreation creation, ComponentUpdates updates, CatalogAdditions additions,
            CompassUndo undo, AgentChanges changes, CustomFieldDefinitions fields) {
        this.fields = fields;
        this.creation = creation;
        this.updates = updates;
        this.additions = additions;
        this.undo = undo;
        this.changes = changes;
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "compass_create_component", description = """
            Create a Compass component. The slug (made from the name unless given) is unique: calling again with \
            the same arguments finds the component made before instead of creating another, and a slug another \
            component holds is refused.""", annotations = @Tool.Annotations(title = "Create Compass component", readOnlyHint = false, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String compass_create_component(
            @ToolArg(description = "Component name, e.g. quote-service") String name,
            @ToolArg(description = "SERVICE, APPLICATION, LIBRARY or OTHER", defaultValue = "SERVICE") String type,
            @ToolArg(description = "Unique slug, e.g. quote-service; default: made from the name", required = false) String slug,
            @ToolArg(description = "What it does (plain text or Markdown)", required = false) String description,
            @ToolArg(name = "owner_id", description = "Owner team id, ari:cloud:teams::team/...", required = false) String ownerId,
            @ToolArg(description = "Labels, e.g. [\"tier-2\", \"java\"]", required = false) List<String> labels,
            @ToolArg(name = "custom_fields", description = "Custom field name to value, e.g. {\"Tier\": \"tier-2\"} (compass_list_custom_fields)", required = false) Map<String, Object> customFields,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return ComponentMarkdown.written(creation.create(name, type, slug, description, ownerId, labels, customFields,
                dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "compass_update_component", description = """
            Change a Compass component's name, description, owner team (a team id such as \
            ari:cloud:teams::team/...) or custom field values. Give only what changes. The answer's change id \
            undoes it with compass_undo_change.""", annotations = @Tool.Annotations(title = "Update Compass component", readOnlyHint = false, destructiveHint = true, idempotentHint = true, openWorldHint = true))
    String compass_update_component(
            @ToolArg(name = "component", description = CompassArgumentDescriptions.COMPONENT) String component,
            @ToolArg(description = "New name", required = false) String name,
            @ToolArg(description = "New description (plain text or Markdown)", required = false) String description,
            @ToolArg(name = "owner_id", description = "New owner team id, ari:cloud:teams::team/...", required = false) String ownerId,
            @ToolArg(name = "custom_fields", description = "Custom field name to new value, null clears, e.g. {\"Tier\": \"tier-1\"}", required = false) Map<String, Object> customFields,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return ComponentMarkdown.written(updates.update(component, name, description, ownerId, customFields, dryRun,
                confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "compass_create_custom_field", description = """
            Create a Compass custom field definition (text, number, boolean, user, single or multi select) that \
            components of the given types can then have a value of. A name Compass already has is refused. The \
            change id undoes it while no component has a value of it.""", annotations = @Tool.Annotations(title = "Create Compass custom field", readOnlyHint = false, destructiveHint = false, idempotentHint = false, openWorldHint = true))
    String compass_create_custom_field(
            @ToolArg(description = "The field's name, e.g. Data classification") String name,
            @ToolArg(description = "TEXT, NUMBER, BOOLEAN, USER, SINGLE_SELECT or MULTI_SELECT") String type,
            @ToolArg(description = "What the field means, shown to people", required = false) String description,
            @ToolArg(name = "component_types", description = "Component type ids it applies to, e.g. [\"SERVICE\"]; omit for all", required = false) List<String> componentTypes,
            @ToolArg(description = "The options of a select field, e.g. [\"public\", \"internal\"]", required = false) List<String> options,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return ComponentMarkdown.written(fields.create(name, type, description, componentTypes, options, dryRun,
                confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "compass_add_labels", description = """
            Add labels to a Compass component; labels it already has are left as they are. The change id undoes \
            it, removing only the labels this call added.""", annotations = @Tool.Annotations(title = "Add labels to Compass component", readOnlyHint = false, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String compass_add_labels(
            @ToolArg(name = "component", description = CompassArgumentDescriptions.COMPONENT) String component,
            @ToolArg(description = "Labels to add, e.g. [\"tier-1\", \"pci\"]") List<String> labels,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return ComponentMarkdown.written(additions.addLabels(component, labels, dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "compass_add_link", description = """
            Add a link to a Compass component: its repository, a runbook or other document, dashboard, on-call \
            schedule, chat channel or project. A URL it already links to is not added twice.""", annotations = @Tool.Annotations(title = "Add link to Compass component", readOnlyHint = false, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String compass_add_link(
            @ToolArg(name = "component", description = CompassArgumentDescriptions.COMPONENT) String component,
            @ToolArg(description = "REPOSITORY, DOCUMENT, DASHBOARD, ON_CALL, CHAT_CHANNEL, PROJECT or OTHER_LINK") String type,
            @ToolArg(description = "The http(s) URL") String url,
            @ToolArg(description = "Title shown for the link, e.g. Runbook", required = false) String name,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return ComponentMarkdown.written(additions.addLink(component, type, url, name, dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "compass_record_deployment", description = """
            Record a deployment event on a Compass component (a manual release, hotfix or rollback a pipeline did \
            not report), with its state and environment. Compass cannot remove events, so this cannot be \
            undone.""", annotations = @Tool.Annotations(title = "Record Compass deployment", readOnlyHint = false, destructiveHint = false, idempotentHint = false, openWorldHint = true))
    String compass_record_deployment(
            @ToolArg(name = "component", description = CompassArgumentDescriptions.COMPONENT) String component,
            @ToolArg(description = "What was deployed, e.g. checkout-api 2.31.2") String name,
            @ToolArg(description = "The deployment's http(s) URL, e.g. the pipeline run") String url,
            @ToolArg(description = "SUCCESSFUL, FAILED, ROLLED_BACK, IN_PROGRESS, PENDING, CANCELLED or UNKNOWN", defaultValue = "SUCCESSFUL") String state,
            @ToolArg(description = "PRODUCTION, STAGING, TESTING, DEVELOPMENT or UNMAPPED", defaultValue = "PRODUCTION") String environment,
            @ToolArg(description = "What it changed", required = false) String description,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return ComponentMarkdown.written(additions.recordDeployment(component, name, url, state, environment,
                description, dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "compass_create_relationship", description = """
            Record that a Compass component depends on another (DEPENDS_ON) or is a child of it (CHILD_OF); \
            compass_get_dependencies then shows it. An existing relationship is not added twice.""", annotations = @Tool.Annotations(title = "Create Compass relationship", readOnlyHint = false, destructiveHint = false, idempotentHint = true, openWorldHint = true))
    String compass_create_relationship(
            @ToolArg(name = "component", description = "The component that depends on (or is a child of) the target: id, slug or exact name") String component,
            @ToolArg(description = "The component it depends on (or is a child of): id, slug or exact name") String target,
            @ToolArg(description = "DEPENDS_ON or CHILD_OF", defaultValue = "DEPENDS_ON") String type,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return ComponentMarkdown.written(additions.relate(component, target, type, dryRun, confirmationToken));
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "compass_list_my_agent_changes", description = """
            Explains where your Compass change ids are: Compass keeps no list of them, so each write's answer \
            gives its id.""", annotations = @Tool.Annotations(title = "List my agent changes in Compass", readOnlyHint = true, destructiveHint = false, idempotentHint = true, openWorldHint = false))
    String compass_list_my_agent_changes() {
        return changes.listing(AgentChanges.KEEP, "compass_undo_change");
    }

    @ToolGuardrails(input = CheckedArguments.class)

    @Icons(ProductIcons.class)

    @Tool(name = "compass_undo_change", description = """
            Revert one of your Compass changes by its change id: an update gets its previous values back; added \
            labels, links and relationships are removed. Refused if the item changed again since.""", annotations = @Tool.Annotations(title = "Undo my Compass change", readOnlyHint = false, destructiveHint = true, idempotentHint = false, openWorldHint = true))
    String compass_undo_change(
            @ToolArg(name = "change_id", description = "The whole change id from the write's answer") String changeId,
            @ToolArg(name = "dry_run", description = ArgumentDescriptions.DRY_RUN, defaultValue = "false") boolean dryRun,
            @ToolArg(name = "confirmation_token", description = ArgumentDescriptions.CONFIRMATION_TOKEN, required = false) String confirmationToken,
            Elicitation elicitation) {
        return ComponentMarkdown.written(undo.undo(changeId, dryRun, confirmationToken));
    }
}

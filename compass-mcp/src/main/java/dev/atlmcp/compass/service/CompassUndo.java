package dev.atlmcp.compass.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.errors.ToolRefusal;

/** Undoes an agent change by the record its id carries, once the caller is known to be the one who made it. */
@ApplicationScoped
public class CompassUndo {

    private final ChangeSender sender;
    private final ComponentUpdates updates;
    private final CatalogAdditions additions;
    private final CustomFieldDefinitions fields;

    CompassUndo(ChangeSender sender, ComponentUpdates updates, CatalogAdditions additions,
            CustomFieldDefinitions fields) {
        this.fields = fields;
        this.sender = sender;
        this.updates = updates;
        this.additions = additions;
    }

    public Written undo(String changeId, boolean dryRun, String confirmationToken) {
        AgentChange change = sender.undoable(changeId);
        return switch (change.action()) {
        case ComponentUpdates.ACTION -> updates.undo(change, dryRun, confirmationToken);
        case CustomFieldDefinitions.CREATED -> fields.undo(change, dryRun, confirmationToken);
        case CatalogAdditions.LABELS, CatalogAdditions.LINK, CatalogAdditions.RELATIONSHIP, CatalogAdditions.DEPLOYMENT -> additions
                .undo(change, dryRun, confirmationToken);
        default -> throw new ToolRefusal("Changes of kind '" + change.action() + "' cannot be undone by this "
                + "server. Nothing was changed.");
        };
    }
}

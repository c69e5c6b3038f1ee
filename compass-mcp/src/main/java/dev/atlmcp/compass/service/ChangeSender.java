package dev.atlmcp.compass.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.auth.changes.AgentChange;
import dev.atlmcp.auth.changes.AgentChanges;
import dev.atlmcp.auth.errors.AmbiguousWrite;
import dev.atlmcp.auth.errors.ErrorMessages;
import dev.atlmcp.auth.policy.ScopePolicy;
import dev.atlmcp.auth.policy.WriteGate;
import dev.atlmcp.compass.client.CompassCatalog;
import dev.atlmcp.compass.client.ComponentDto;

/**
 * The steps every Compass write takes: the write gate (policy, confirmation, dry run), one send that is never retried
 * when its outcome is unknown, the change record carried in the change id, and the agent label.
 */
@ApplicationScoped
public class ChangeSender {

    private final WriteGate gate;
    private final AgentChanges changes;
    private final ScopePolicy scope;
    private final CompassCatalog catalog;

    ChangeSender(WriteGate gate, AgentChanges changes, ScopePolicy scope, CompassCatalog catalog) {
        this.gate = gate;
        this.changes = changes;
        this.scope = scope;
        this.catalog = catalog;
    }

    /**
     * Approves and sends one write.
     *
     * @param mutation
     *            the GraphQL mutation, e.g. updateComponent
     * @param input
     *            its input, for the preview and the dry run
     * @param howToCheck
     *            how the caller sees whether a write with an unknown outcome happened
     */
    public <T> T send(String tool, String what, String mutation, JsonNode input, ComponentDto component,
            String howToCheck, boolean dryRun, String confirmationToken, Supplier<T> write) {
        gate.approve(new WriteGate.Write(tool, what, "POST", "/graphql " + mutation, input, () -> component == null
                ? ""
                : String.join("\n", component.name(), String.valueOf(component.description()), String.valueOf(
                        component.ownerId()), String.valueOf(component.labels()), String.valueOf(component.links()))),
                dryRun, confirmationToken);
        return AmbiguousWrite.send(what, howToCheck, write);
    }

    /** A new change by the caller; its id will carry the record. */
    public AgentChange start(String tool, String action, String item, String summary, JsonNode before,
            JsonNode after) {
        return CompassChangeIds.encode(changes.start(tool, action, item, summary, before, after));
    }

    /** Audits a change just written and labels the component for the operator; returns notes for the caller. */
    public List<String> recorded(AgentChange change, ComponentDto component) {
        List<String> notes = new ArrayList<>(changes.recorded(change).stream().toList());
        mark(component).ifPresent(notes::add);
        return notes;
    }

    /** The change behind an id if the caller may undo it. */
    public AgentChange undoable(String changeId) {
        AgentChange change = CompassChangeIds.decode(changeId);
        return changes.undoable(change.id(), change.toJson(), "the answer of the change");
    }

    public List<String> undone(AgentChange change) {
        return changes.undoRecorded(change.undone(changes.now())).stream().toList();
    }

    /** Labels a component an agent changed ({@code MCP_POLICY_MARK_LABEL}); a failure becomes a note. */
    private Optional<String> mark(ComponentDto component) {
        Optional<String> label = scope.markLabel();
        if (label.isEmpty()) {
            return Optional.empty();
        }
        try {
            catalog.addLabels(component.id(), List.of(label.get()));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("The change was made, but labelling " + component.name() + " with '" + label.get()
                    + "' failed: " + ErrorMessages.describe(e, false).message());
        }
    }
}

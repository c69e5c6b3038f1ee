package dev.atlmcp.compass.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.auth.args.Arguments;
import dev.atlmcp.auth.changes.AgentChange;
import dev.atlmcp.auth.changes.AgentChanges;
import dev.atlmcp.auth.errors.AmbiguousWrite;
import dev.atlmcp.auth.errors.ErrorMessages;
import dev.atlmcp.auth.errors.ToolRefusal;
import dev.atlmcp.auth.policy.ScopePolicy;
import dev.atlmcp.auth.policy.WriteGate;
import dev.atlmcp.compass.client.CompassQueries;
import dev.atlmcp.compass.client.ComponentDto;

/**
 * Component updates (name, description, owner team) and their undo. The change id carries the previous values, so an
 * undo needs nothing stored; it is refused if the component changed again since.
 */
@ApplicationScoped
public class ComponentUpdates {

    private static final Map<String, String> FIELDS = Map.of("name", "name", "description", "description", "ownerId",
            "owner");
    private static final int MAX_DESCRIPTION = 10_000;

    /** A component just changed (or restored), its change id, and notes on what went wrong around it. */
    public record Updated(String name, List<String> fields, String changeId, List<String> notes) {
    }

    private final CompassService compass;
    private final CompassGateway gateway;
    private final WriteGate gate;
    private final AgentChanges changes;
    private final ObjectMapper json;
    private final ScopePolicy scope;

    ComponentUpdates(CompassService compass, CompassGateway gateway, WriteGate gate, AgentChanges changes,
            ObjectMapper json, ScopePolicy scope) {
        this.scope = scope;
        this.compass = compass;
        this.gateway = gateway;
        this.gate = gate;
        this.changes = changes;
        this.json = json;
    }

    public Updated update(String reference, String name, String description, String ownerId, boolean dryRun,
            String confirmationToken) {
        ComponentDto component = compass.component(reference);
        ObjectNode before = json.createObjectNode();
        ObjectNode after = json.createObjectNode();
        if (name != null) {
            after.put("name", Arguments.text("name", name, 255, "checkout-api"));
        }
        if (description != null) {
            after.put("description", description.length() > MAX_DESCRIPTION ? Arguments.text("description",
                    description, MAX_DESCRIPTION, "") : description);
        }
        if (ownerId != null) {
            if (!ownerId.isBlank() && !ownerId.trim().startsWith("ari:cloud:teams::team/")) {
                throw new IllegalArgumentException("owner_id must be a team id like ari:cloud:teams::team/<uuid> "
                        + "(compass_get_component shows the current owner's), got '" + ownerId + "'");
            }
            after.put("ownerId", ownerId.isBlank() ? null : ownerId.trim());
        }
        if (after.isEmpty()) {
            throw new IllegalArgumentException("Nothing to change: give name, description or owner_id.");
        }
        after.fieldNames().forEachRemaining(f -> before.put(f, current(component, f)));
        String what = "update " + component.name() + ": " + names(after);
        ObjectNode input = after.deepCopy().put("id", component.id());
        send("compass_update_component", what, names(after), input, component, dryRun, confirmationToken);
        AgentChange change = CompassChangeIds.encode(changes.start("compass_update_component", "component-updated",
                component.id(), what, before, after));
        List<String> notes = new ArrayList<>(changes.recorded(change).stream().toList());
        mark(component).ifPresent(notes::add);
        return new Updated(after.has("name") ? after.path("name").asText() : component.name(), fieldNames(after),
                change.id(), notes);
    }

    public Updated undo(String changeId, boolean dryRun, String confirmationToken) {
        AgentChange change = CompassChangeIds.decode(changeId);
        changes.undoable(change.id(), change.toJson(), "the compass_update_component answer");
        ComponentDto component = compass.component(change.item());
        List<String> changedSince = new ArrayList<>();
        boolean restored = true;
        for (Iterator<String> it = change.after().fieldNames(); it.hasNext();) {
            String field = it.next();
            String now = current(component, field);
            if (!Objects.equals(now, text(change.after().get(field)))) {
                changedSince.add(FIELDS.get(field));
            }
            restored &= Objects.equals(now, text(change.before().get(field)));
        }
        if (restored) {
            throw new ToolRefusal(component.name() + " already has the values it had before this change: it was "
                    + "undone already, or set back by someone. Nothing was changed.");
        }
        if (!changedSince.isEmpty()) {
            throw new ToolRefusal("Not undone: the " + String.join(", ", changedSince) + " of " + component.name()
                    + " changed again after your change, and undoing it would overwrite that. Nothing was changed. "
                    + "Read it with compass_get_component and set what is still wrong with compass_update_component.");
        }
        ObjectNode input = ((ObjectNode) change.before()).deepCopy().put("id", component.id());
        String what = "undo the change of " + names(change.after()) + " of " + component.name();
        send("compass_undo_change", what, names(change.after()), input, component, dryRun, confirmationToken);
        List<String> notes = changes.undoRecorded(change.undone(changes.now())).stream().toList();
        return new Updated(change.before().path("name").asText(component.name()), fieldNames(change.after()), null,
                notes);
    }

    private void send(String tool, String what, String fields, ObjectNode input, ComponentDto component,
            boolean dryRun, String confirmationToken) {
        ObjectNode variables = json.createObjectNode();
        variables.set("input", input);
        gate.approve(new WriteGate.Write(tool, what, "POST", "/graphql updateComponent", variables, () -> String
                .join("\n", component.name(), String.valueOf(component.description()), String.valueOf(component
                        .ownerId()))),
                dryRun, confirmationToken);
        AmbiguousWrite.send(what, "read it with compass_get_component and compare its " + fields,
                () -> gateway.mutate(CompassQueries.UPDATE_COMPONENT, variables,
                        "updateComponent"));
    }

    /** Labels a component an agent changed ({@code MCP_POLICY_MARK_LABEL}); a failure becomes a note. */
    private Optional<String> mark(ComponentDto component) {
        Optional<String> label = scope.markLabel();
        if (label.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode input = json.createObjectNode().put("componentId", component.id());
        input.putArray("labelNames").add(label.get());
        try {
            gateway.mutate(CompassQueries.ADD_LABELS, json.createObjectNode().set("input", input),
                    "addComponentLabels");
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of("The change was made, but labelling " + component.name() + " with '" + label.get()
                    + "' failed: " + ErrorMessages.describe(e, false).message());
        }
    }

    private static String current(ComponentDto component, String field) {
        return switch (field) {
        case "name" -> component.name();
        case "description" -> component.description();
        default -> component.ownerId();
        };
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> fieldNames(JsonNode fields) {
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(f -> names.add(FIELDS.getOrDefault(f, f)));
        return names;
    }

    private static String names(JsonNode fields) {
        return String.join(", ", fieldNames(fields));
    }
}

package dev.atlmcp.compass.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.compass.client.CompassCatalog;
import dev.atlmcp.compass.client.CompassCatalog.FieldValue;
import dev.atlmcp.compass.client.ComponentDto;

/**
 * Component updates (name, description, owner team, custom field values) and their undo. The change id carries the
 * previous values, so an undo needs nothing stored; it is refused if those fields changed again since.
 */
@ApplicationScoped
public class ComponentUpdates {

    static final String ACTION = "component-updated";
    private static final Map<String, String> FIELDS = Map.of("name", "name", "description", "description", "ownerId",
            "owner");
    private static final String CUSTOM = "customFields";
    private static final int MAX_DESCRIPTION = 10_000;

    private final CompassService compass;
    private final CompassCatalog catalog;
    private final CustomFieldValues customFields;
    private final ChangeSender sender;
    private final ObjectMapper json;

    ComponentUpdates(CompassService compass, CompassCatalog catalog, CustomFieldValues customFields,
            ChangeSender sender, ObjectMapper json) {
        this.compass = compass;
        this.catalog = catalog;
        this.customFields = customFields;
        this.sender = sender;
        this.json = json;
    }

    public Written update(String reference, String name, String description, String ownerId,
            Map<String, Object> fieldValues, boolean dryRun, String confirmationToken) {
        ObjectNode after = json.createObjectNode();
        if (name != null) {
            after.put("name", Arguments.text("name", name, 255, "checkout-api"));
        }
        if (description != null) {
            after.put("description", description.length() > MAX_DESCRIPTION ? Arguments.text("description",
                    description, MAX_DESCRIPTION, "") : description);
        }
        if (ownerId != null) {
            after.put("ownerId", ownerId.isBlank() ? null : CompassService.team("owner_id", ownerId));
        }
        if (after.isEmpty() && (fieldValues == null || fieldValues.isEmpty())) {
            throw new IllegalArgumentException("Nothing to change: give name, description, owner_id or "
                    + "custom_fields.");
        }
        ComponentDto component = compass.component(reference);
        List<FieldValue> values = customFields.resolve(fieldValues);
        ObjectNode before = json.createObjectNode();
        after.fieldNames().forEachRemaining(f -> before.put(f, current(component, f)));
        if (!values.isEmpty()) {
            after.set(CUSTOM, customFields.record(values));
            before.set(CUSTOM, customFields.current(component, values));
        }
        String what = "update " + component.name() + ": " + names(after);
        write("compass_update_component", what, component, after, values, dryRun, confirmationToken);
        AgentChange change = sender.start("compass_update_component", ACTION, component.id(), what, before, after);
        List<String> notes = sender.recorded(change, component);
        return new Written("Updated " + names(after) + " of " + (after.has("name") ? after.path("name").asText()
                : component.name()) + ".", change.id(), notes);
    }

    public Written undo(AgentChange change, boolean dryRun, String confirmationToken) {
        ComponentDto component = compass.component(change.item());
        List<String> changedSince = new ArrayList<>();
        boolean restored = true;
        for (String field : fieldIds(change.after())) {
            changedSince.addAll(holds(component, change.after(), field) ? List.of() : List.of(label(change.after(),
                    field)));
            restored &= holds(component, change.before(), field);
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
        ObjectNode previous = (ObjectNode) change.before();
        String what = "undo the change of " + names(change.after()) + " of " + component.name();
        List<FieldValue> values = previous.has(CUSTOM) ? customFields.fromRecord(previous.get(CUSTOM)) : List.of();
        write("compass_undo_change", what, component, previous, values, dryRun, confirmationToken);
        boolean one = fieldIds(change.after()).size() == 1;
        return new Written("Done: the " + names(change.after()) + " of " + previous.path("name").asText(component
                .name()) + (one ? " is back to its previous value." : " are back to their previous values."), null,
                sender.undone(change));
    }

    private void write(String tool, String what, ComponentDto component, ObjectNode fields, List<FieldValue> values,
            boolean dryRun, String confirmationToken) {
        ObjectNode plain = fields.deepCopy();
        plain.remove(CUSTOM);
        ObjectNode input = json.createObjectNode().put("id", component.id());
        input.setAll(fields);
        sender.send(tool, what, "updateComponent", input, component, "read it with compass_get_component and compare "
                + "its " + names(fields), dryRun, confirmationToken, () -> {
                    catalog.updateComponent(component.id(), plain, values);
                    return null;
                });
    }

    /** Whether the component holds the value the record has for a field (custom fields as {@code custom:<id>}). */
    private boolean holds(ComponentDto component, JsonNode record, String field) {
        if (field.startsWith("custom:")) {
            return customFields.holds(component, record.path(CUSTOM), field.substring(7));
        }
        JsonNode value = record.get(field);
        return Objects.equals(current(component, field), value == null || value.isNull() ? null : value.asText());
    }

    private static List<String> fieldIds(JsonNode record) {
        List<String> ids = new ArrayList<>();
        record.fieldNames().forEachRemaining(f -> {
            if (f.equals(CUSTOM)) {
                record.get(CUSTOM).fieldNames().forEachRemaining(id -> ids.add("custom:" + id));
            } else {
                ids.add(f);
            }
        });
        return ids;
    }

    private static String label(JsonNode record, String field) {
        return field.startsWith("custom:") ? record.path(CUSTOM).path(field.substring(7)).path("name").asText()
                : FIELDS.getOrDefault(field, field);
    }

    private static String current(ComponentDto component, String field) {
        return switch (field) {
        case "name" -> component.name();
        case "description" -> component.description();
        default -> component.ownerId();
        };
    }

    private static List<String> fieldNames(JsonNode record) {
        return fieldIds(record).stream().map(f -> label(record, f)).toList();
    }

    private static String names(JsonNode record) {
        return String.join(", ", fieldNames(record));
    }
}

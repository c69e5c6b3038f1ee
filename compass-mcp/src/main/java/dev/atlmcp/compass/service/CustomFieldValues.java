package dev.atlmcp.compass.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.compass.client.CompassCatalog;
import dev.atlmcp.compass.client.CompassCatalog.FieldDefinition;
import dev.atlmcp.compass.client.CompassCatalog.FieldValue;
import dev.atlmcp.compass.client.ComponentDto;

/**
 * Custom field values as callers give them (field name or id to a value people read: an option's name, "yes", 99.9)
 * turned into what Compass stores (option ids, typed values), and a component's current values in the same form so a
 * change can record what it replaced.
 */
@ApplicationScoped
public class CustomFieldValues {

    private final CompassCatalog catalog;
    private final ObjectMapper json;

    CustomFieldValues(CompassCatalog catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    public List<FieldValue> resolve(Map<String, Object> given) {
        if (given == null || given.isEmpty()) {
            return List.of();
        }
        List<FieldDefinition> definitions = catalog.customFieldDefinitions();
        List<FieldValue> values = new ArrayList<>();
        for (Map.Entry<String, Object> entry : given.entrySet()) {
            FieldDefinition definition = definitions.stream().filter(d -> d.id().equals(entry.getKey().trim()) || d
                    .name().equalsIgnoreCase(entry.getKey().trim())).findFirst().orElseThrow(
                            () -> new IllegalArgumentException("custom_fields: '" + entry.getKey() + "' is not a "
                                    + "custom field of this catalog; its fields are " + definitions.stream().map(
                                            FieldDefinition::name).collect(Collectors.joining(", "))
                                    + " (compass_list_custom_fields)"));
            values.add(new FieldValue(definition, entry.getValue() == null ? null : value(definition, entry
                    .getValue())));
        }
        return values;
    }

    private static Object value(FieldDefinition d, Object raw) {
        String text = String.valueOf(raw).trim();
        return switch (d.kind()) {
        case "NUMBER" -> {
            try {
                yield raw instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("custom_fields: " + d.name() + " takes a number, got '" + raw
                        + "'");
            }
        }
        case "BOOLEAN" -> switch (text.toLowerCase(Locale.ROOT)) {
        case "true", "yes" -> true;
        case "false", "no" -> false;
        default -> throw new IllegalArgumentException("custom_fields: " + d.name() + " takes true or false, got '"
                + raw + "'");
        };
        case "SINGLE_SELECT" -> option(d, text);
        case "MULTI_SELECT" -> (raw instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of(text.split(","))).stream().map(v -> option(d, v.trim())).toList();
        default -> text;
        };
    }

    private static String option(FieldDefinition d, String value) {
        return d.options().stream().filter(o -> o.id().equals(value) || o.value().equalsIgnoreCase(value)).findFirst()
                .map(ComponentDto.Option::id).orElseThrow(() -> new IllegalArgumentException("custom_fields: '"
                        + value + "' is not an option of " + d.name() + "; its options are " + d.options().stream()
                                .map(ComponentDto.Option::value).collect(Collectors.joining(", "))));
    }

    /** The values as a change records them: definition id to its name, kind and value. */
    public ObjectNode record(List<FieldValue> values) {
        ObjectNode record = json.createObjectNode();
        values.forEach(v -> record.putObject(v.definition().id()).put("name", v.definition().name()).put("kind", v
                .definition().kind()).set("value", json.valueToTree(v.value())));
        return record;
    }

    /** The component's current values of the same fields, recorded the same way. */
    public ObjectNode current(ComponentDto component, List<FieldValue> fields) {
        return record(fields.stream().map(f -> new FieldValue(f.definition(), currentValue(component, f.definition()
                .id()))).toList());
    }

    /** The values a record holds, to set them again. */
    public List<FieldValue> fromRecord(JsonNode record) {
        List<FieldValue> values = new ArrayList<>();
        record.fields().forEachRemaining(e -> values.add(new FieldValue(new FieldDefinition(e.getKey(), e.getValue()
                .path("name").asText(), e.getValue().path("kind").asText(), null, List.of()), json.convertValue(
                        e
                                .getValue().path("value"),
                        Object.class))));
        return values;
    }

    /** Whether the component holds these recorded values. */
    public boolean holds(ComponentDto component, JsonNode record, String id) {
        Object now = currentValue(component, id);
        return Objects.equals(now == null ? NullNode.getInstance() : json.valueToTree(now), record.path(id).path(
                "value"));
    }

    private static Object currentValue(ComponentDto component, String definitionId) {
        if (component.customFields() == null) {
            return null;
        }
        return component.customFields().stream().filter(f -> f.definition() != null && definitionId.equals(f
                .definition().id())).findFirst().map(f -> {
                    if (f.option() != null) {
                        return (Object) f.option().id();
                    }
                    if (f.options() != null) {
                        return f.options().stream().map(ComponentDto.Option::id).toList();
                    }
                    return f.textValue() != null ? f.textValue() : f.numberValue() != null ? f.numberValue()
                            : f.booleanValue() != null ? f.booleanValue() : f.userIdValue();
                }).orElse(null);
    }
}

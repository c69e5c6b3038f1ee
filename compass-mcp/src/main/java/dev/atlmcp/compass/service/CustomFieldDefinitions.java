package dev.atlmcp.compass.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.compass.client.CompassCatalog;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.errors.ToolRefusal;

/**
 * Custom field definitions agents create, and their undo: Compass deletes a definition together with every component's
 * value of it, so an undo happens only while no component has a value, as far as this server can see.
 */
@ApplicationScoped
public class CustomFieldDefinitions {

    static final String CREATED = "custom-field-created";
    private static final Set<String> KINDS = Set.of("TEXT", "NUMBER", "BOOLEAN", "USER", "SINGLE_SELECT",
            "MULTI_SELECT");
    private static final int MAX_OPTIONS = 50;
    /** The components an undo looks at for values before deleting a definition. */
    private static final int MAX_SCANNED = 1000;

    private final CompassCatalog catalog;
    private final ChangeSender sender;
    private final ObjectMapper json;

    CustomFieldDefinitions(CompassCatalog catalog, ChangeSender sender, ObjectMapper json) {
        this.catalog = catalog;
        this.sender = sender;
        this.json = json;
    }

    public Written create(String name, String type, String description, List<String> componentTypes,
            List<String> options, boolean dryRun, String confirmationToken) {
        String title = Arguments.text("name", name, 100, "Data classification");
        String kind = type == null ? "" : type.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("type must be one of TEXT, NUMBER, BOOLEAN, USER, SINGLE_SELECT, "
                    + "MULTI_SELECT, got '" + type + "'");
        }
        String about = description == null || description.isBlank() ? null : Arguments.text("description",
                description, 1000, "How sensitive the data the component handles is");
        List<String> choices = options(kind, options);
        List<String> types = componentTypes(componentTypes);
        catalog.customFieldDefinitions().stream().filter(f -> f.name().equalsIgnoreCase(title)).findFirst()
                .ifPresent(f -> {
                    throw new ToolRefusal("Compass already has a custom field named " + f.name() + " (" + words(f
                            .kind()) + ", id " + f.id() + "). Nothing was changed.");
                });
        String what = "create the " + words(kind) + " custom field " + title + " for " + String.join(", ", types)
                + " components" + (choices.isEmpty() ? "" : " with the options " + String.join(", ", choices));
        ObjectNode input = json.createObjectNode().put("kind", kind).put("name", title).put("description", about);
        input.set("componentTypeIds", array(types));
        input.set("options", array(choices));
        String id = sender.send("compass_create_custom_field", what, "createCustomFieldDefinition", input, null,
                "list them with compass_list_custom_fields", dryRun, confirmationToken,
                () -> catalog.createFieldDefinition(new CompassCatalog.NewFieldDefinition(kind, title, about, types,
                        choices)));
        AgentChange change = sender.start("compass_create_custom_field", CREATED, id, what, json.createObjectNode(),
                json.createObjectNode().put("id", id).put("name", title));
        return new Written("Created the " + words(kind) + " custom field " + title + " (id " + id + "). Set it on "
                + "components with compass_update_component.", change.id(), sender.recorded(change));
    }

    /** Deletes the definition the change created, while no component has a value of it. */
    Written undo(AgentChange change, boolean dryRun, String confirmationToken) {
        String id = change.after().path("id").asText();
        String name = change.after().path("name").asText();
        if (catalog.customFieldDefinitions().stream().noneMatch(f -> f.id().equals(id))) {
            throw new ToolRefusal("The custom field " + name + " (id " + id + ") is gone already: someone deleted it. "
                    + "Nothing was changed.");
        }
        CompassCatalog.FieldUsage usage = catalog.fieldUsage(id, MAX_SCANNED);
        if (!usage.components().isEmpty()) {
            throw new ToolRefusal("Not undone: " + String.join(", ", usage.components()) + (usage.components()
                    .size() == 1 ? " has a value" : " have values") + " of the custom field " + name + ", and "
                    + "deleting the field would delete them. Clear them with compass_update_component first, or "
                    + "delete the field in Compass. Nothing was changed.");
        }
        if (!usage.complete()) {
            throw new ToolRefusal("Not undone: the catalog has more than " + MAX_SCANNED + " components, so this "
                    + "server cannot tell that none has a value of the custom field " + name + ". Delete it in "
                    + "Compass if it should go. Nothing was changed.");
        }
        String what = "delete the custom field " + name + " (id " + id + ")";
        sender.send("compass_undo_change", what, "deleteCustomFieldDefinition", json.createObjectNode().put("id", id),
                null, "list them with compass_list_custom_fields", dryRun, confirmationToken, () -> {
                    catalog.deleteFieldDefinition(id);
                    return null;
                });
        return new Written("Done: deleted the custom field " + name + "; no component had a value of it.", null,
                sender.undone(change));
    }

    private static List<String> options(String kind, List<String> options) {
        List<String> given = options == null ? List.of() : options;
        if (!kind.endsWith("SELECT")) {
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("options are only for SINGLE_SELECT and MULTI_SELECT fields");
            }
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String option : given) {
            unique.add(Arguments.text("options", option, 255, "tier-1"));
        }
        if (unique.isEmpty() || unique.size() > MAX_OPTIONS || unique.size() != given.size()) {
            throw new IllegalArgumentException("options must list 1 to " + MAX_OPTIONS + " different values for a "
                    + words(kind) + " field, e.g. [\"public\", \"internal\", \"confidential\"]");
        }
        return new ArrayList<>(unique);
    }

    /** The given component type ids, checked against the site's; all of them when none are given. */
    private List<String> componentTypes(List<String> given) {
        List<String> known = catalog.componentTypes().stream().map(CompassCatalog.ComponentType::id).toList();
        if (given == null || given.isEmpty()) {
            return known;
        }
        List<String> types = new ArrayList<>();
        for (String type : given) {
            String id = type == null ? "" : type.trim().toUpperCase(Locale.ROOT);
            if (!known.contains(id)) {
                throw new IllegalArgumentException("component_types: '" + type + "' is not a component type here; "
                        + "list them with compass_list_component_types (e.g. " + String.join(", ", known) + ")");
            }
            if (!types.contains(id)) {
                types.add(id);
            }
        }
        return types;
    }

    private ArrayNode array(List<String> values) {
        ArrayNode array = json.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

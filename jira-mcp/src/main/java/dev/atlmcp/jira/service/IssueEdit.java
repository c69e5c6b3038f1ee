package dev.atlmcp.jira.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.jira.client.JiraSite;
import dev.atlmcp.platform.errors.ToolRefusal;

/**
 * One issue edit built from the caller's arguments and checked against the issue's edit screen ({@code editmeta}):
 * fields named by display name or id, values in plain form (names, emails, Markdown) turned into what Jira takes, and
 * the before- and after-images an undo needs.
 */
final class IssueEdit {

    /**
     * @param body
     *            the edit request ({@code fields} and {@code update})
     * @param before
     *            each changed field's value before, in edit form
     * @param after
     *            each changed field's value after, in edit form
     * @param names
     *            the display names of the changed fields
     */
    record Built(ObjectNode body, ObjectNode before, ObjectNode after, List<String> names) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String key;
    private final JsonNode current;
    private final JsonNode meta;
    private final JiraSite site;
    private final JiraUsers users;
    private final ObjectNode fields = NODES.objectNode();
    private final ObjectNode update = NODES.objectNode();
    private final ObjectNode before = NODES.objectNode();
    private final ObjectNode after = NODES.objectNode();
    private final Set<String> names = new LinkedHashSet<>();

    /**
     * @param key
     *            what is edited, for messages: an issue key, or e.g. {@code a new Bug in OPS}
     * @param meta
     *            field id to field metadata (edit or create screen)
     * @param current
     *            the field values now (none for a new issue)
     */
    private IssueEdit(String key, JsonNode meta, JsonNode current, JiraSite site, JiraUsers users) {
        this.key = key;
        this.current = current;
        this.meta = meta;
        this.site = site;
        this.users = users;
    }

    /**
     * @param issue
     *            the issue read with {@code expand=editmeta}
     * @param requested
     *            field name or id to value, as the caller gave them
     * @param markLabel
     *            the label that marks agent writes, if configured
     */
    static Built build(JsonNode issue, JsonNode requested, String description, List<String> labelsAdd,
            List<String> labelsRemove, Optional<String> markLabel, JiraSite site, JiraUsers users) {
        String key = issue.path("key").asText();
        JsonNode screen = issue.path("editmeta").path("fields");
        if (screen.isEmpty()) {
            throw new ToolRefusal("Jira offers this account no field it may edit on " + key + ": it lacks the Edit "
                    + "Issues permission there. jira_whoami shows which account the calls use; ask a Jira admin for the "
                    + "permission.");
        }
        IssueEdit edit = new IssueEdit(key, screen, issue.path("fields"), site, users);
        edit.setAll(requested, description);
        edit.labels(labelsAdd, labelsRemove, markLabel);
        if (edit.names.isEmpty()) {
            throw new IllegalArgumentException("Nothing to change: give fields, description, labels_add or "
                    + "labels_remove.");
        }
        ObjectNode body = NODES.objectNode();
        if (!edit.fields.isEmpty()) {
            body.set("fields", edit.fields);
        }
        if (!edit.update.isEmpty()) {
            body.set("update", edit.update);
        }
        return new Built(body, edit.before, edit.after, List.copyOf(edit.names));
    }

    /**
     * The fields of a new issue, checked against the create screen: every required field without a default must be
     * given, and the answer to a missing one lists them all with their allowed values.
     *
     * @param what
     *            e.g. {@code a Bug in OPS}
     * @param meta
     *            field id to field metadata of the create screen
     * @param preset
     *            fields this server sets itself (project, issue type)
     */
    static ObjectNode create(String what, JsonNode meta, ObjectNode preset, String summary, JsonNode requested,
            String description, List<String> labels, String parent, JiraSite site, JiraUsers users) {
        IssueEdit edit = new IssueEdit(what, meta, NODES.objectNode(), site, users);
        edit.fields.setAll(preset);
        edit.set(edit.fieldId("summary"), NODES.textNode(summary));
        edit.setAll(requested, description);
        List<String> words = words("labels", labels);
        if (!words.isEmpty()) {
            if (edit.fields.has("labels")) {
                throw new IllegalArgumentException("Give labels once: either as labels or in fields.");
            }
            ArrayNode list = NODES.arrayNode();
            words.forEach(list::add);
            edit.set(edit.fieldId("labels"), list);
        }
        if (parent != null) {
            if (!meta.has("parent")) {
                throw new IllegalArgumentException(what.substring(0, 1).toUpperCase(Locale.ROOT) + what.substring(1)
                        + " cannot have a parent.");
            }
            edit.fields.putObject("parent").put("key", parent);
        }
        edit.requireAll("Creating " + what);
        ObjectNode body = NODES.objectNode();
        body.set("fields", edit.fields);
        return body;
    }

    /**
     * The fields of a transition's screen, with values in plain form; every required field without a default must be
     * given.
     *
     * @param what
     *            e.g. {@code Moving OPS-5 to Done}
     */
    static ObjectNode screen(String what, String key, JsonNode meta, JsonNode requested, JiraSite site,
            JiraUsers users) {
        IssueEdit edit = new IssueEdit(key, meta, NODES.objectNode(), site, users);
        edit.setAll(requested, null);
        edit.requireAll(what);
        return edit.fields;
    }

    private void requireAll(String what) {
        List<String> missing = new ArrayList<>();
        meta.fields().forEachRemaining(f -> {
            JsonNode field = f.getValue();
            if (field.path("required").asBoolean() && !field.path("hasDefaultValue").asBoolean() && !fields.has(f
                    .getKey())) {
                missing.add(field.path("name").asText(f.getKey()) + " (" + f.getKey() + (field.has("allowedValues")
                        ? "; one of " + allowedNames(field) : "") + ")");
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(what + " needs these required fields: " + String.join("; ", missing)
                    + ". Give them in fields.");
        }
    }

    private void setAll(JsonNode requested, String description) {
        Iterator<Map.Entry<String, JsonNode>> entries = requested == null ? List.<Map.Entry<String, JsonNode>> of()
                .iterator() : requested.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            set(fieldId(entry.getKey()), entry.getValue());
        }
        if (description != null) {
            if (fields.has("description")) {
                throw new IllegalArgumentException("Give the description once: either as description or in fields.");
            }
            set(fieldId("description"), NODES.textNode(description));
        }
    }

    /** The field id for a display name or id, among the fields this issue's edit screen offers. */
    private String fieldId(String nameOrId) {
        String wanted = nameOrId.trim();
        if (meta.has(wanted)) {
            return wanted;
        }
        List<String> byName = new ArrayList<>();
        meta.fields().forEachRemaining(f -> {
            if (f.getKey().equalsIgnoreCase(wanted) || f.getValue().path("name").asText().equalsIgnoreCase(wanted)) {
                byName.add(f.getKey());
            }
        });
        if (byName.size() == 1) {
            return byName.get(0);
        }
        if (byName.size() > 1) {
            throw new IllegalArgumentException("Several fields on " + key + " are called '" + wanted + "': " + String
                    .join(", ", byName) + ". Give the field id instead.");
        }
        List<String> editable = new ArrayList<>();
        meta.fields().forEachRemaining(f -> editable.add(f.getValue().path("name").asText() + " (" + f.getKey()
                + ")"));
        throw new IllegalArgumentException("'" + wanted + "' is not a field you can set on " + key + ". Fields: "
                + String.join(", ", editable) + ".");
    }

    private void set(String id, JsonNode input) {
        JsonNode field = meta.path(id);
        String name = field.path("name").asText(id);
        if (!operations(field).contains("set")) {
            throw new IllegalArgumentException(name + " on " + key + " cannot be set, only changed with: " + String
                    .join(", ", operations(field)) + ".");
        }
        if (fields.has(id)) {
            throw new IllegalArgumentException("Give " + name + " once.");
        }
        JsonNode value = value(name, field, input);
        fields.set(id, value);
        before.set(id, FieldValues.editForm(current.get(id)));
        after.set(id, value);
        names.add(name);
    }

    private void labels(List<String> add, List<String> remove, Optional<String> markLabel) {
        List<String> added = words("labels_add", add);
        List<String> removed = words("labels_remove", remove);
        boolean edited = !added.isEmpty() || !removed.isEmpty();
        if (edited && fields.has("labels")) {
            throw new IllegalArgumentException("Give labels either in fields (the whole list) or as labels_add and "
                    + "labels_remove, not both.");
        }
        markLabel.filter(l -> !fields.has("labels") && !added.contains(l)).ifPresent(added::add);
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        if (!meta.has("labels")) {
            throw new IllegalArgumentException("Labels cannot be edited on " + key + ": the field is not on its edit "
                    + "screen.");
        }
        ArrayNode operations = update.putArray("labels");
        added.forEach(l -> operations.addObject().put("add", l));
        removed.forEach(l -> operations.addObject().put("remove", l));
        if (edited) {
            Set<String> result = new LinkedHashSet<>();
            current.path("labels").forEach(l -> result.add(l.asText()));
            result.addAll(added);
            result.removeAll(removed);
            before.set("labels", FieldValues.editForm(current.get("labels")));
            ArrayNode list = after.putArray("labels");
            result.forEach(list::add);
            names.add(meta.path("labels").path("name").asText("Labels"));
        }
    }

    private static List<String> words(String argument, List<String> labels) {
        List<String> result = new ArrayList<>();
        for (String label : labels == null ? List.<String> of() : labels) {
            String word = label == null ? "" : label.trim();
            if (word.isEmpty() || word.contains(" ")) {
                throw new IllegalArgumentException(argument + " must be labels without spaces, got '" + label + "'");
            }
            result.add(word);
        }
        return result;
    }

    /** The caller's value in the form Jira takes for this field's type. */
    private JsonNode value(String name, JsonNode field, JsonNode input) {
        if (input == null || input.isNull() || input.isTextual() && input.asText().isBlank()) {
            if (field.path("required").asBoolean()) {
                throw new IllegalArgumentException(name + " is required on " + key + " and cannot be cleared.");
            }
            return NODES.nullNode();
        }
        JsonNode schema = field.path("schema");
        String type = schema.path("type").asText();
        if (field.has("allowedValues")) {
            if (type.equals("array")) {
                ArrayNode values = NODES.arrayNode();
                list(input).forEach(v -> values.add(allowed(name, field, v)));
                return values;
            }
            return allowed(name, field, input);
        }
        return switch (type) {
        case "string" -> richText(schema) ? richText(name, input) : text(name, input);
        case "number" -> number(name, input);
        case "date" -> date(name, input);
        case "user" -> users.reference(name, text(name, input).asText());
        case "array" -> switch (schema.path("items").asText()) {
        case "string" -> {
            ArrayNode values = NODES.arrayNode();
            list(input).forEach(v -> values.add(text(name, v)));
            yield values;
        }
        case "user" -> {
            ArrayNode values = NODES.arrayNode();
            list(input).forEach(v -> values.add(users.reference(name, text(name, v).asText())));
            yield values;
        }
        default -> input;
        };
        default -> input;
        };
    }

    private static boolean richText(JsonNode schema) {
        String system = schema.path("system").asText();
        return system.equals("description") || system.equals("environment") || schema.path("custom").asText()
                .endsWith(":textarea");
    }

    private JsonNode richText(String name, JsonNode input) {
        return site.richText(text(name, input).asText());
    }

    private static JsonNode text(String name, JsonNode input) {
        if (!input.isTextual() && !input.isNumber()) {
            throw new IllegalArgumentException(name + " takes text, got " + input);
        }
        return NODES.textNode(input.asText());
    }

    private static JsonNode number(String name, JsonNode input) {
        if (input.isNumber()) {
            return input;
        }
        try {
            return NODES.numberNode(new java.math.BigDecimal(input.asText().trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " takes a number, got " + input);
        }
    }

    private static JsonNode date(String name, JsonNode input) {
        try {
            return NODES.textNode(LocalDate.parse(input.asText().trim()).toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " takes a date like 2026-12-31, got " + input);
        }
    }

    /** One of the field's allowed values, given by name, value or id; sent as {@code {"id": ...}}. */
    private static JsonNode allowed(String name, JsonNode field, JsonNode input) {
        String wanted = (input.isObject() ? input.path("id").asText(input.path("name").asText(input.path("value")
                .asText())) : input.asText()).trim();
        for (JsonNode option : field.path("allowedValues")) {
            if (wanted.equals(option.path("id").asText()) || wanted.equalsIgnoreCase(option.path("name").asText())
                    || wanted.equalsIgnoreCase(option.path("value").asText())) {
                return NODES.objectNode().put("id", option.path("id").asText());
            }
        }
        throw new IllegalArgumentException("'" + wanted + "' is not an allowed " + name + ". Allowed: "
                + allowedNames(field) + ".");
    }

    private static String allowedNames(JsonNode field) {
        List<String> allowed = new ArrayList<>();
        field.path("allowedValues").forEach(o -> allowed.add(o.path("name").asText(o.path("value").asText())));
        return allowed.stream().collect(Collectors.joining(", "));
    }

    private static List<JsonNode> list(JsonNode input) {
        List<JsonNode> values = new ArrayList<>();
        if (input.isArray()) {
            input.forEach(values::add);
        } else if (input.isTextual()) {
            for (String part : input.asText().split(",")) {
                if (!part.isBlank()) {
                    values.add(NODES.textNode(part.trim()));
                }
            }
        } else {
            values.add(input);
        }
        return values;
    }

    private static List<String> operations(JsonNode field) {
        List<String> operations = new ArrayList<>();
        field.path("operations").forEach(o -> operations.add(o.asText().toLowerCase(Locale.ROOT)));
        return operations;
    }
}

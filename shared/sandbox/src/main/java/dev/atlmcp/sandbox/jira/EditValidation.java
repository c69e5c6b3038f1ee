package dev.atlmcp.sandbox.jira;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.adf.AdfToWiki;
import dev.atlmcp.adf.WikiToAdf;
import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Response;

/**
 * Issue edits the way Jira validates them: the edit screen's fields ({@code editmeta}), {@code fields} and
 * {@code update} operations, and {@code properties} written in the same request. Every value is checked before any is
 * applied, so a rejected edit changes nothing.
 */
final class EditValidation {

    /** The longest issue property value Jira stores. */
    static final int MAX_PROPERTY = 32_768;

    static final Map<String, List<String>> OPTIONS = Map.of("customfield_10030", List.of("Sev 1", "Sev 2", "Sev 3",
            "Sev 4"), "customfield_10050", List.of("SRE", "Payments", "Web", "Security"));

    private final Flavour flavour;

    EditValidation(Flavour flavour) {
        this.flavour = flavour;
    }

    /** The fields on the edit screen, keyed by id, with schema, operations and allowed values. */
    ObjectNode editMeta() {
        ObjectNode fields = Json.object();
        field(fields, "summary", "string", null, true, "set");
        field(fields, "description", "string", null, false, "set");
        field(fields, "environment", "string", null, false, "set");
        ArrayNode priorities = field(fields, "priority", "priority", null, false, "set").putArray("allowedValues");
        for (int i = 0; i < JiraStore.PRIORITIES.size(); i++) {
            priorities.addObject().put("id", String.valueOf(i + 1)).put("name", JiraStore.PRIORITIES.get(i));
        }
        field(fields, "assignee", "user", null, false, "set");
        field(fields, "labels", "array", "string", false, "add", "set", "remove");
        field(fields, "duedate", "date", null, false, "set");
        field(fields, "fixVersions", "array", "version", false, "set");
        JiraStore.CUSTOM_FIELDS.forEach((id, spec) -> {
            ObjectNode meta = field(fields, id, spec[1].equals("textarea") ? "string" : spec[1], null, false, "set");
            meta.with("schema").put("custom", "com.atlassian.jira.plugin.system.customfieldtypes:" + switch (spec[1]) {
            case "number" -> "float";
            case "option" -> "select";
            case "textarea" -> "textarea";
            default -> "textfield";
            }).put("customId", Long.parseLong(id.substring("customfield_".length())));
            meta.with("schema").remove("system");
            if (OPTIONS.containsKey(id)) {
                ArrayNode allowed = meta.putArray("allowedValues");
                OPTIONS.get(id).forEach(allowed::add);
                for (int i = 0; i < allowed.size(); i++) {
                    allowed.set(i, JiraSeed.option(allowed.get(i).asText()));
                }
            }
        });
        return fields;
    }

    /**
     * The fields on the create screen of an issue type: the edit screen's plus project and issue type; a parent for
     * sub-tasks (required) and for standard types below epics; Severity required for incidents.
     */
    ObjectNode createMeta(String type) {
        ObjectNode fields = editMeta();
        field(fields, "project", "project", null, true, "set");
        field(fields, "issuetype", "issuetype", null, true, "set");
        fields.with("priority").put("hasDefaultValue", true);
        if (!type.equals("Epic")) {
            field(fields, "parent", "issuelink", null, type.equals("Sub-task"), "set");
        }
        if (type.equals("Incident")) {
            fields.with("customfield_10030").put("required", true);
        }
        return fields;
    }

    /** Creates an issue after checking every field against the create screen; a 400 with field errors otherwise. */
    Issue create(Project project, JsonNode body, SandboxUser reporter, JiraStore store) {
        JsonNode given = body.path("fields");
        Map<String, String> errors = new LinkedHashMap<>();
        String type = JiraStore.TYPES.stream().filter(t -> t.equalsIgnoreCase(given.path("issuetype").path("name")
                .asText()) || String.valueOf(10000 + JiraStore.TYPES.indexOf(t)).equals(
                        given.path("issuetype").path(
                                "id").asText()))
                .findFirst().orElse(null);
        if (type == null) {
            throw new ApiException(Response.json(400, ApiException.errorCollection(List.of(), Map.of("issuetype",
                    "Specify a valid issue type"))));
        }
        ObjectNode meta = createMeta(type);
        meta.fields().forEachRemaining(f -> {
            if (f.getValue().path("required").asBoolean() && !f.getValue().path("hasDefaultValue").asBoolean()
                    && !given.hasNonNull(f.getKey())) {
                errors.put(f.getKey(), f.getKey().equals("summary") ? "You must specify a summary of the issue."
                        : f.getValue().path("name").asText() + " is required.");
            }
        });
        Issue parent = null;
        if (given.has("parent")) {
            String ref = given.path("parent").path("key").asText(given.path("parent").path("id").asText());
            parent = store.visibleIssue(ref, reporter).orElse(null);
            if (!meta.has("parent")) {
                errors.put("parent", "Field 'parent' cannot be set. It is not on the appropriate screen, or unknown.");
            } else if (parent == null) {
                errors.put("parent", "Could not find issue by id or key.");
            }
        }
        List<Runnable> validation = new ArrayList<>();
        Issue draft = new Issue("0", project.key() + "-0", project);
        given.fields().forEachRemaining(f -> {
            if (!List.of("project", "issuetype", "parent").contains(f.getKey()) && !errors.containsKey(f.getKey())) {
                set(draft, f.getKey(), f.getValue(), meta, validation, errors);
            }
        });
        if (!errors.isEmpty()) {
            throw new ApiException(Response.json(400, ApiException.errorCollection(List.of(), errors)));
        }
        synchronized (store) {
            Issue issue = store.newIssue(project);
            issue.type = type;
            issue.status = "To Do";
            issue.priority = "Medium";
            issue.reporter = reporter;
            issue.created = Instant.now();
            List<Runnable> changes = new ArrayList<>();
            given.fields().forEachRemaining(f -> {
                if (!List.of("project", "issuetype", "parent").contains(f.getKey())) {
                    set(issue, f.getKey(), f.getValue(), meta, changes, new LinkedHashMap<>());
                }
            });
            changes.forEach(Runnable::run);
            if (parent != null) {
                issue.parent = parent;
                if (type.equals("Sub-task")) {
                    parent.subtasks.add(issue);
                }
            }
            body.path("properties").forEach(p -> issue.properties.put(p.path("key").asText(), p.get("value")));
            issue.updated = issue.created;
            return issue;
        }
    }

    private static ObjectNode field(ObjectNode fields, String id, String type, String items, boolean required,
            String... operations) {
        ObjectNode meta = fields.putObject(id).put("required", required).put("name", IssueJson.displayName(id)).put(
                "key", id);
        ObjectNode schema = meta.putObject("schema").put("type", type).put("system", id);
        if (items != null) {
            schema.put("items", items);
        }
        ArrayNode ops = meta.putArray("operations");
        for (String op : operations) {
            ops.add(op);
        }
        return meta;
    }

    /** Validates the whole edit, then applies it; a 400 with Jira's field errors if any part is wrong. */
    void edit(Issue issue, JsonNode body, JiraStore store, SandboxUser author) {
        List<Runnable> changes = new ArrayList<>();
        Map<String, String> errors = new LinkedHashMap<>();
        ObjectNode meta = editMeta();
        Iterator<Map.Entry<String, JsonNode>> fields = body.path("fields").fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            set(issue, field.getKey(), field.getValue(), meta, changes, errors);
        }
        Iterator<Map.Entry<String, JsonNode>> updates = body.path("update").fields();
        while (updates.hasNext()) {
            Map.Entry<String, JsonNode> update = updates.next();
            String id = update.getKey();
            if (!meta.has(id)) {
                errors.put(id, notOnScreen(id));
                continue;
            }
            for (JsonNode operation : update.getValue()) {
                operation(issue, id, operation, meta, changes, errors);
            }
        }
        for (JsonNode property : body.path("properties")) {
            String key = property.path("key").asText("");
            JsonNode value = property.get("value");
            if (key.isEmpty() || value == null) {
                errors.put("properties", "An issue property needs a key and a value.");
            } else if (value.toString().length() > MAX_PROPERTY) {
                errors.put("properties", "The property value must not exceed " + MAX_PROPERTY + " characters.");
            } else {
                changes.add(() -> issue.properties.put(key, value));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(Response.json(400, ApiException.errorCollection(List.of(), errors)));
        }
        synchronized (store) {
            Map<String, String> before = issue.snapshot();
            changes.forEach(Runnable::run);
            issue.updated = Instant.now();
            issue.recordChanges(before, author, store.nextCommentId(), issue.updated);
        }
    }

    private void operation(Issue issue, String id, JsonNode operation, ObjectNode meta, List<Runnable> changes,
            Map<String, String> errors) {
        if (operation.has("set")) {
            set(issue, id, operation.get("set"), meta, changes, errors);
        } else if (id.equals("labels") && (operation.has("add") || operation.has("remove"))) {
            String added = operation.path("add").asText("");
            String removed = operation.path("remove").asText("");
            if (added.contains(" ") || removed.contains(" ")) {
                errors.put("labels", "The label '" + (added + removed).trim() + "' contains spaces which is invalid.");
                return;
            }
            changes.add(() -> {
                if (!added.isEmpty() && !issue.labels.contains(added)) {
                    issue.labels.add(added);
                }
                issue.labels.remove(removed);
            });
        } else {
            errors.put(id, "Operation '" + operation.fieldNames().next() + "' is not supported for field " + id
                    + ".");
        }
    }

    private void set(Issue issue, String id, JsonNode value, ObjectNode meta, List<Runnable> changes,
            Map<String, String> errors) {
        if (!meta.has(id)) {
            errors.put(id, notOnScreen(id));
            return;
        }
        boolean empty = value == null || value.isNull();
        switch (id) {
        case "summary" -> {
            if (!value.isTextual() || value.asText().isBlank()) {
                errors.put(id, "You must specify a summary of the issue.");
            } else if (value.asText().length() > 255) {
                errors.put(id, "Summary must be less than 255 characters.");
            } else {
                changes.add(() -> issue.summary = value.asText());
            }
        }
        case "description", "environment" -> richText(id, value, errors).ifPresent(text -> changes.add(() -> {
            if (id.equals("description")) {
                issue.descriptionAdf = text.adf();
                issue.descriptionWiki = text.wiki();
            } else {
                issue.environment = text.wiki();
            }
        }));
        case "priority" -> {
            String name = empty ? null : byIdOrName(value, JiraStore.PRIORITIES);
            if (name == null) {
                errors.put(id, "Specify a valid 'id' or 'name' for Priority");
            } else {
                changes.add(() -> issue.priority = name);
            }
        }
        case "assignee" -> {
            if (empty) {
                changes.add(() -> issue.assignee = null);
                return;
            }
            String ref = value.path(flavour == Flavour.CLOUD ? "accountId" : "name").asText("");
            Optional<SandboxUser> user = Directory.all().stream().filter(u -> ref.equals(flavour == Flavour.CLOUD
                    ? u.accountId() : u.username())).findFirst();
            if (user.isEmpty() || !issue.project.visibleTo(user.get())) {
                errors.put(id, "User '" + ref + "' cannot be assigned issues.");
            } else {
                changes.add(() -> issue.assignee = user.get());
            }
        }
        case "labels" -> {
            List<String> labels = new ArrayList<>();
            if (!empty && value.isArray()) {
                value.forEach(l -> labels.add(l.asText()));
            }
            if (!empty && !value.isArray() || labels.stream().anyMatch(l -> l.isBlank() || l.contains(" "))) {
                errors.put(id, "Labels must be a list of words without spaces.");
            } else {
                changes.add(() -> {
                    issue.labels.clear();
                    issue.labels.addAll(labels);
                });
            }
        }
        case "fixVersions" -> {
            List<String> names = new ArrayList<>();
            if (!empty) {
                value.forEach(v -> {
                    if (v.path("name").asText("").isBlank()) {
                        errors.put(id, "A fix version is given by its name, got " + v + ".");
                    }
                    names.add(v.path("name").asText());
                });
            }
            changes.add(() -> {
                issue.fixVersions.clear();
                issue.fixVersions.addAll(names);
            });
        }
        case "duedate" -> {
            if (empty) {
                changes.add(() -> issue.dueDate = null);
                return;
            }
            try {
                LocalDate date = LocalDate.parse(value.asText());
                changes.add(() -> issue.dueDate = date.toString());
            } catch (DateTimeParseException e) {
                errors.put(id, "Error parsing date string: " + value.asText());
            }
        }
        default -> customField(issue, id, value, changes, errors);
        }
    }

    private void customField(Issue issue, String id, JsonNode value, List<Runnable> changes,
            Map<String, String> errors) {
        if (value == null || value.isNull()) {
            changes.add(() -> issue.customFields.remove(id));
            return;
        }
        String type = JiraStore.CUSTOM_FIELDS.get(id)[1];
        switch (type) {
        case "number" -> {
            if (value.isNumber()) {
                changes.add(() -> issue.customFields.put(id, value));
            } else {
                errors.put(id, "Operation value must be a number");
            }
        }
        case "option" -> {
            String chosen = byIdOrValue(value, OPTIONS.get(id));
            if (chosen == null) {
                errors.put(id, "Option value '" + value.path("value").asText(value.path("id").asText(value
                        .asText())) + "' is not valid");
            } else {
                changes.add(() -> issue.customFields.put(id, JiraSeed.option(chosen)));
            }
        }
        case "textarea" -> richText(id, value, errors).ifPresent(text -> changes.add(() -> issue.customFields.put(id,
                text.adf())));
        default -> {
            if (!value.isTextual() || value.asText().length() > 255) {
                errors.put(id, "Operation value must be a string of at most 255 characters");
            } else {
                changes.add(() -> issue.customFields.put(id, value));
            }
        }
        }
    }

    record RichText(JsonNode adf, String wiki) {
    }

    /** ADF on Cloud, wiki markup on Data Center; null clears the field. */
    private Optional<RichText> richText(String id, JsonNode value, Map<String, String> errors) {
        if (value == null || value.isNull()) {
            return Optional.of(new RichText(null, null));
        }
        if (flavour == Flavour.CLOUD) {
            if (!value.isObject() || !"doc".equals(value.path("type").asText()) || value.path("version").asInt() != 1
                    || !value.path("content").isArray()) {
                errors.put(id, "Operation value must be an Atlassian Document (see the Atlassian Document Format)");
                return Optional.empty();
            }
            return Optional.of(new RichText(value, AdfToWiki.render(value)));
        }
        if (!value.isTextual()) {
            errors.put(id, "Operation value must be a string");
            return Optional.empty();
        }
        return Optional.of(new RichText(WikiToAdf.convert(value.asText()), value.asText()));
    }

    private static String byIdOrName(JsonNode value, List<String> names) {
        if (value.has("id")) {
            int index = value.path("id").asInt(0) - 1;
            return index >= 0 && index < names.size() ? names.get(index) : null;
        }
        return names.stream().filter(n -> n.equals(value.path("name").asText())).findFirst().orElse(null);
    }

    private static String byIdOrValue(JsonNode value, List<String> values) {
        return values.stream().filter(v -> value.has("id") ? JiraSeed.option(v).path("id").asText().equals(value
                .path("id").asText()) : v.equals(value.path("value").asText())).findFirst().orElse(null);
    }

    private static String notOnScreen(String id) {
        return "Field '" + id + "' cannot be set. It is not on the appropriate screen, or unknown.";
    }
}

package dev.atlmcp.sandbox.compass;

import static dev.atlmcp.sandbox.compass.GraphResults.cast;
import static dev.atlmcp.sandbox.compass.GraphResults.failed;
import static dev.atlmcp.sandbox.compass.GraphResults.succeeded;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import graphql.schema.DataFetchingEnvironment;

/**
 * Compass's catalog mutations. Failures answer {@code success: false} with {@code errors} (HTTP 200), the way the
 * gateway does; a restricted component answers 403 to anyone outside its owner team.
 */
final class CompassWrites {

    private final Supplier<CompassStore> store;
    private final ComponentView view;

    CompassWrites(Supplier<CompassStore> store, ComponentView view) {
        this.store = store;
        this.view = view;
    }

    Object createComponent(DataFetchingEnvironment env) {
        if (!CompassApi.CLOUD_ID.equals(env.getArgument("cloudId"))) {
            return failed(403, "FORBIDDEN", "You do not have access to cloud id " + env.getArgument("cloudId") + ".");
        }
        Map<String, Object> input = env.getArgument("input");
        String name = String.valueOf(input.get("name")).trim();
        if (name.isEmpty()) {
            return failed(400, "BAD_REQUEST", "Component name must not be blank");
        }
        String type = input.get("typeId") == null ? "SERVICE" : String.valueOf(input.get("typeId"));
        if (CompassStore.TYPES.stream().noneMatch(t -> t[0].equals(type))) {
            return failed(400, "BAD_REQUEST", "Unknown component type " + type);
        }
        String slug = input.get("slug") == null ? name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                : String.valueOf(input.get("slug"));
        Object owner = input.get("ownerId");
        if (owner != null && CompassSeed.teamById(String.valueOf(owner)).isEmpty()) {
            return failed(404, "NOT_FOUND", "Team " + owner + " not found");
        }
        String id = "ari:cloud:compass:" + CompassApi.CLOUD_ID + ":component/" + CompassSeed.WORKSPACE + "/"
                + UUID.randomUUID();
        Component c = new Component(id, slug, name, type, (String) owner, (String) input.get("description"),
                Instant.now());
        List<Object> labels = input.get("labels") == null ? List.of() : cast(input.get("labels"));
        labels.forEach(l -> c.labels.add(String.valueOf(l)));
        List<Map<String, Object>> links = input.get("links") == null ? List.of() : cast(input.get("links"));
        for (Map<String, Object> link : links) {
            Optional<String> bad = badUrl(link);
            if (bad.isPresent()) {
                return failed(400, "BAD_REQUEST", bad.get());
            }
            c.links.add(new Component.Link(UUID.randomUUID().toString(), String.valueOf(link.get("type")),
                    (String) link.get("name"), String.valueOf(link.get("url"))));
        }
        Optional<Map<String, Object>> fieldError = setFields(c, input.get("customFields"));
        if (fieldError.isPresent()) {
            return fieldError.get();
        }
        synchronized (store.get()) {
            if (store.get().bySlug(slug).isPresent()) {
                return failed(400, "BAD_REQUEST", "The slug " + slug + " is already in use by another component");
            }
            store.get().add(c);
        }
        return succeeded("componentDetails", view.graph(c));
    }

    /** Sets the given fields; an unknown component or owner team, or a blank name, fails with payload errors. */
    Object updateComponent(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        return writable(env, input.get("id")).orElseGet(() -> {
            Component c = store.get().byId(String.valueOf(input.get("id"))).orElseThrow();
            Object name = input.get("name");
            if (input.containsKey("name") && (name == null || String.valueOf(name).isBlank())) {
                return failed(400, "BAD_REQUEST", "Component name must not be blank");
            }
            Object owner = input.get("ownerId");
            if (owner != null && CompassSeed.teamById(String.valueOf(owner)).isEmpty()) {
                return failed(404, "NOT_FOUND", "Team " + owner + " not found");
            }
            synchronized (c) {
                Optional<Map<String, Object>> fieldError = setFields(c, input.get("customFields"));
                if (fieldError.isPresent()) {
                    return fieldError.get();
                }
                if (name != null) {
                    c.name = String.valueOf(name);
                }
                if (input.containsKey("description")) {
                    c.description = (String) input.get("description");
                }
                if (input.containsKey("ownerId")) {
                    c.ownerId = (String) owner;
                }
                c.modified();
            }
            return succeeded("componentDetails", view.graph(c));
        });
    }

    Object addLabels(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        return writable(env, input.get("componentId")).orElseGet(() -> {
            Component c = store.get().byId(String.valueOf(input.get("componentId"))).orElseThrow();
            List<Object> added = new ArrayList<>();
            synchronized (c) {
                for (Object name : (List<?>) input.get("labelNames")) {
                    if (!c.labels.contains(String.valueOf(name))) {
                        c.labels.add(String.valueOf(name));
                        added.add(Map.of("name", name));
                    }
                }
                if (!added.isEmpty()) {
                    c.modified();
                }
            }
            return succeeded("addedLabels", added);
        });
    }

    Object removeLabels(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        return writable(env, input.get("componentId")).orElseGet(() -> {
            Component c = store.get().byId(String.valueOf(input.get("componentId"))).orElseThrow();
            List<Object> removed = new ArrayList<>();
            synchronized (c) {
                for (Object name : (List<?>) input.get("labelNames")) {
                    if (c.labels.remove(String.valueOf(name))) {
                        removed.add(name);
                    }
                }
                if (!removed.isEmpty()) {
                    c.modified();
                }
            }
            return succeeded("removedLabelNames", removed);
        });
    }

    Object createLink(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        return writable(env, input.get("componentId")).orElseGet(() -> {
            Component c = store.get().byId(String.valueOf(input.get("componentId"))).orElseThrow();
            Map<String, Object> link = cast(input.get("link"));
            Optional<String> bad = badUrl(link);
            if (bad.isPresent()) {
                return failed(400, "BAD_REQUEST", bad.get());
            }
            Component.Link created = new Component.Link(UUID.randomUUID().toString(), String.valueOf(link.get(
                    "type")), (String) link.get("name"), String.valueOf(link.get("url")));
            synchronized (c) {
                c.links.add(created);
                c.modified();
            }
            return succeeded("createdComponentLink", ComponentView.link(created));
        });
    }

    Object deleteLink(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        return writable(env, input.get("componentId")).orElseGet(() -> {
            Component c = store.get().byId(String.valueOf(input.get("componentId"))).orElseThrow();
            synchronized (c) {
                if (!c.links.removeIf(l -> l.id().equals(input.get("link")))) {
                    return failed(404, "NOT_FOUND", "Link " + input.get("link") + " not found");
                }
                c.modified();
            }
            return succeeded("deletedCompassLinkId", input.get("link"));
        });
    }

    Object createRelationship(DataFetchingEnvironment env) {
        return relationship(env, true);
    }

    Object deleteRelationship(DataFetchingEnvironment env) {
        return relationship(env, false);
    }

    private Object relationship(DataFetchingEnvironment env, boolean create) {
        Map<String, Object> input = env.getArgument("input");
        Optional<Object> refused = writable(env, input.get("startNodeId"));
        if (refused.isPresent()) {
            return refused.get();
        }
        Component start = store.get().byId(String.valueOf(input.get("startNodeId"))).orElseThrow();
        Optional<Component> end = store.get().byId(String.valueOf(input.get("endNodeId")));
        if (end.isEmpty()) {
            return failed(404, "NOT_FOUND", "Component " + input.get("endNodeId") + " not found");
        }
        if (start.equals(end.get())) {
            return failed(400, "BAD_REQUEST", "A component cannot have a relationship with itself");
        }
        String type = input.get("relationshipType") == null ? "DEPENDS_ON" : String.valueOf(input.get(
                "relationshipType"));
        List<Component> targets = type.equals("CHILD_OF") ? start.childOf : start.dependsOn;
        synchronized (start) {
            if (create && targets.contains(end.get())) {
                return failed(409, "CONFLICT", "This relationship already exists");
            }
            if (!create && !targets.remove(end.get())) {
                return failed(404, "NOT_FOUND", "Relationship not found");
            }
            if (create) {
                targets.add(end.get());
            }
            start.modified();
        }
        return create ? succeeded("createdCompassRelationship", Map.of("relationshipType", type, "startNode", view
                .graph(start), "endNode", view.graph(end.get()))) : succeeded();
    }

    /** A deployment event on a component; the cloud id must be the site's, the component one the caller may change. */
    Object createEvent(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        if (!CompassApi.CLOUD_ID.equals(input.get("cloudId"))) {
            return failed(403, "FORBIDDEN", "The cloudId does not match this site");
        }
        if (input.get("componentId") == null) {
            return failed(400, "BAD_REQUEST", "No event source with this external id is attached to a component");
        }
        Optional<Object> refused = writable(env, input.get("componentId"));
        if (refused.isPresent()) {
            return refused.get();
        }
        Map<String, Object> event = cast(input.get("event"));
        Map<String, Object> deployment = cast(event.get("deployment"));
        if (deployment == null) {
            return failed(400, "BAD_REQUEST", "Only deployment events are recorded here");
        }
        Map<String, Object> properties = cast(deployment.get("deploymentProperties"));
        Map<String, Object> environment = cast(properties.get("environment"));
        Component component = store.get().byId(String.valueOf(input.get("componentId"))).orElseThrow();
        Instant at = Instant.parse(String.valueOf(deployment.get("lastUpdated")));
        synchronized (component) {
            component.events.add(new Component.Event("DEPLOYMENT", String.valueOf(deployment.get("displayName")),
                    (String) deployment.get("description"), String.valueOf(deployment.get("url")), at, Map.of("state",
                            String.valueOf(properties.get("state")), "environment", String.valueOf(environment.get(
                                    "category")),
                            "startedAt", properties.get("startedAt") == null ? at : Instant
                                    .parse(String.valueOf(properties.get("startedAt"))))));
        }
        return succeeded();
    }

    /** Empty if the caller may change the component; otherwise the failed payload. */
    private Optional<Object> writable(DataFetchingEnvironment env, Object id) {
        Optional<Component> c = store.get().byId(String.valueOf(id));
        if (c.isEmpty()) {
            return Optional.of(failed(404, "NOT_FOUND", "Component not found"));
        }
        String caller = env.getGraphQlContext().get(CompassApi.CALLER);
        if (c.get().restricted && !CompassSeed.member(c.get().ownerId, caller)) {
            return Optional.of(failed(403, "FORBIDDEN", "You don't have permission to edit " + c.get().name
                    + ": only members of its owner team can."));
        }
        return Optional.empty();
    }

    private static Optional<String> badUrl(Map<String, Object> link) {
        String url = String.valueOf(link.get("url"));
        return url.startsWith("https://") || url.startsWith("http://") ? Optional.empty()
                : Optional.of("Link URL must be an http or https URL: " + url);
    }

    /** Applies custom field inputs; a value of null clears the field. */
    private Optional<Map<String, Object>> setFields(Component c, Object inputs) {
        List<Map<String, Object>> fields = inputs == null ? List.of() : cast(inputs);
        for (Map<String, Object> field : fields) {
            Map.Entry<String, Object> member = field.entrySet().stream().filter(e -> e.getValue() != null)
                    .findFirst().orElse(null);
            if (member == null) {
                return Optional.of(failed(400, "BAD_REQUEST", "A custom field input needs one field"));
            }
            Map<String, Object> value = cast(member.getValue());
            String id = String.valueOf(value.get("definitionId"));
            Optional<CompassStore.FieldDefinition> definition = store.get().field(id);
            if (definition.isEmpty()) {
                return Optional.of(failed(404, "NOT_FOUND", "Custom field definition " + id + " not found"));
            }
            String kind = definition.get().kind();
            if (!member.getKey().equalsIgnoreCase(kind.substring(0, 1).toLowerCase(Locale.ROOT) + kind.substring(1)
                    + "Field")) {
                return Optional.of(failed(400, "BAD_REQUEST", "Custom field " + definition.get().name() + " is a "
                        + kind + " field, not " + member.getKey()));
            }
            Object v = null;
            for (Map.Entry<String, Object> e : value.entrySet()) {
                v = e.getKey().equals("definitionId") ? v : e.getValue();
            }
            List<Object> options = v instanceof List<?> list ? cast(list) : v == null ? List.of() : List.of(v);
            if (kind.endsWith("Select") && options.stream().anyMatch(o -> !definition.get().options().containsKey(
                    String.valueOf(o)))) {
                return Optional.of(failed(400, "BAD_REQUEST", "Option " + v + " is not an option of "
                        + definition.get().name()));
            }
            if (v == null) {
                c.fields.remove(id);
            } else {
                c.fields.put(id, v);
            }
        }
        return Optional.empty();
    }

    /**
     * One of {@code textFieldDefinition}, {@code numberFieldDefinition}, ... with {@code cloudId}, {@code name},
     * {@code description}, {@code componentTypeIds} and, for selects, {@code options}; names are unique.
     */
    Object createFieldDefinition(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        List<Map.Entry<String, Object>> given = input.entrySet().stream().filter(e -> e.getValue() != null).toList();
        if (given.size() != 1) {
            return failed(400, "BAD_REQUEST", "Provide exactly one kind of custom field definition");
        }
        String key = given.get(0).getKey();
        Map<String, Object> definition = cast(given.get(0).getValue());
        if (!CompassApi.CLOUD_ID.equals(definition.get("cloudId"))) {
            return failed(403, "FORBIDDEN", "You do not have access to cloud id " + definition.get("cloudId") + ".");
        }
        String name = String.valueOf(definition.get("name")).trim();
        if (name.isEmpty() || name.length() > 100) {
            return failed(400, "BAD_REQUEST", "A custom field name must have 1 to 100 characters");
        }
        List<String> types = definition.get("componentTypeIds") == null ? List.of() : cast(definition.get(
                "componentTypeIds"));
        if (types.isEmpty() || types.stream().anyMatch(t -> CompassStore.TYPES.stream().noneMatch(k -> k[0].equals(
                t)))) {
            return failed(400, "BAD_REQUEST", "A custom field must apply to at least one known component type");
        }
        String kind = Character.toUpperCase(key.charAt(0)) + key.substring(1, key.length() - "FieldDefinition"
                .length());
        Map<String, String> options = new LinkedHashMap<>();
        List<String> values = definition.get("options") == null ? List.of() : cast(definition.get("options"));
        String id = "field-" + UUID.randomUUID();
        for (int i = 0; i < values.size(); i++) {
            options.put(id + "-option-" + (i + 1), values.get(i));
        }
        if (kind.endsWith("Select") && options.isEmpty()) {
            return failed(400, "BAD_REQUEST", "A select field needs at least one option");
        }
        CompassStore.FieldDefinition field = new CompassStore.FieldDefinition(id, kind, name, (String) definition.get(
                "description"), options, types);
        if (!store.get().addField(field)) {
            return failed(409, "CONFLICT", "A custom field named " + name + " already exists");
        }
        return succeeded("customFieldDefinition", ComponentView.definition(field));
    }

    /** Deletes a definition together with every value of it. */
    Object deleteFieldDefinition(DataFetchingEnvironment env) {
        Map<String, Object> input = env.getArgument("input");
        String id = String.valueOf(input.get("id"));
        if (!store.get().removeField(id)) {
            return failed(404, "NOT_FOUND", "Custom field definition " + id + " not found");
        }
        return succeeded("deletedCustomFieldDefinitionId", id);
    }
}

package dev.atlmcp.compass.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.changes.AgentChange;
import dev.atlmcp.platform.changes.CreateRequests;
import dev.atlmcp.platform.errors.ToolRefusal;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.compass.client.CompassCatalog;
import dev.atlmcp.compass.client.CompassCatalog.FieldValue;
import dev.atlmcp.compass.client.ComponentDto;

/**
 * New components. The slug (given, or made from the name) is unique in a Compass site, so it is the create's
 * idempotency key: a repeated call, for instance after an answer was lost, finds the component it made instead of
 * making a second one, and a slug someone else's component holds is refused before anything is sent.
 */
@ApplicationScoped
public class ComponentCreation {

    static final String ACTION = "component-created";

    private final CompassCatalog catalog;
    private final CustomFieldValues customFields;
    private final ChangeSender sender;
    private final ObjectMapper json;
    private final CreateRequests requests;

    ComponentCreation(CompassCatalog catalog, CustomFieldValues customFields, ChangeSender sender, ObjectMapper json,
            CreateRequests requests) {
        this.requests = requests;
        this.catalog = catalog;
        this.customFields = customFields;
        this.sender = sender;
        this.json = json;
    }

    public Written create(String name, String type, String slug, String description, String ownerId,
            List<String> labels, Map<String, Object> fieldValues, boolean dryRun, String confirmationToken) {
        String title = Arguments.text("name", name, 255, "quote-service");
        String typeId = Optional.ofNullable(CompassService.type(type)).orElse("SERVICE");
        String key = slug == null || slug.isBlank() ? slugOf(title) : slug.trim();
        if (!CompassService.SLUG.matcher(key).matches()) {
            throw new IllegalArgumentException("slug must be lowercase letters, digits, '.', '_' or '-', up to 100, "
                    + "e.g. quote-service, got '" + slug + "'");
        }
        String owner = CompassService.team("owner_id", ownerId);
        String text = description == null || description.isBlank() ? null : description;
        List<String> labelNames = labels == null ? List.of()
                : labels.stream().map(l -> l.trim().toLowerCase(Locale.ROOT)).filter(l -> !l.isEmpty()).distinct()
                        .toList();
        List<FieldValue> values = customFields.resolve(fieldValues);
        Optional<ComponentDto> existing = bySlug(key);
        if (existing.isPresent()) {
            return found(existing.get(), key, title, typeId, text, owner);
        }
        ObjectNode input = json.createObjectNode().put("name", title).put("typeId", typeId).put("slug", key).put(
                "description", text).put("ownerId", owner);
        input.set("labels", json.valueToTree(labelNames));
        input.set("customFields", customFields.record(values));
        String what = "create the " + typeId.toLowerCase(Locale.ROOT) + " component " + title;
        if (dryRun) {
            return send(what, key, title, typeId, text, owner, labelNames, values, input, true, confirmationToken);
        }
        String request = String.join("\n", key, title, typeId, String.valueOf(text), owner, input.toString());
        return requests.shared(request, () -> {
            try {
                return send(what, key, title, typeId, text, owner, labelNames, values, input, dryRun,
                        confirmationToken);
            } catch (AtlassianException refused) {
                // An identical request on another replica may have made the component since the lookup above:
                // Compass then refuses this one for its slug, and the component is this request's own.
                if (refused.status() != 400 && refused.status() != 409) {
                    throw refused;
                }
                return found(bySlug(key).orElseThrow(() -> refused), key, title, typeId, text, owner);
            }
        }, first -> Written.unchanged("Already exists, with these values: " + title + " (slug " + key + "). An "
                + "identical call made it just now; nothing else was created."));
    }

    /** A component holds the slug: this request's own if it has the request's values, anyone else's otherwise. */
    private static Written found(ComponentDto found, String key, String title, String typeId, String text,
            String owner) {
        if (same(found, title, typeId, text, owner)) {
            return Written.unchanged("Already exists, with these values: " + found.name() + " (slug " + key + ", id "
                    + found.id() + "). This looks like a repeat of an earlier call; nothing was created.");
        }
        throw new ToolRefusal("The slug " + key + " is taken by the component " + found.name() + " (id " + found.id()
                + "). Nothing was created. Give another slug, or change that component with "
                + "compass_update_component.");
    }

    private Written send(String what, String key, String title, String typeId, String text, String owner,
            List<String> labelNames, List<FieldValue> values, ObjectNode input, boolean dryRun,
            String confirmationToken) {
        ComponentDto created = sender.send("compass_create_component", what, "createComponent", input, null,
                "read it with compass_get_component " + key + "; calling compass_create_component again with the "
                        + "same arguments finds it instead of creating another",
                dryRun, confirmationToken, () -> catalog.createComponent(new CompassCatalog.NewComponent(title,
                        typeId, key, text, owner, labelNames, values)));
        AgentChange change = sender.start("compass_create_component", ACTION, created.id(), what, json
                .createObjectNode(), input);
        List<String> notes = new ArrayList<>(sender.recorded(change, created));
        return new Written("Created " + created.name() + " (slug " + created.slug() + ", id " + created.id()
                + "). This server does not delete components; remove it in Compass if it should not exist.", null,
                notes);
    }

    private Optional<ComponentDto> bySlug(String slug) {
        try {
            return Optional.of(catalog.componentBySlug(slug));
        } catch (AtlassianException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static boolean same(ComponentDto c, String name, String typeId, String description, String ownerId) {
        return c.name().equals(name) && typeId.equals(c.typeId()) && Objects.equals(blankToNull(c.description()),
                description) && Objects.equals(c.ownerId(), ownerId);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** "Quote Service (EU)" to quote-service-eu. */
    static String slugOf(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            throw new IllegalArgumentException("name '" + name + "' has no letters or digits to make a slug from; "
                    + "give slug");
        }
        return slug.length() > 100 ? slug.substring(0, 100).replaceAll("-+$", "") : slug;
    }
}

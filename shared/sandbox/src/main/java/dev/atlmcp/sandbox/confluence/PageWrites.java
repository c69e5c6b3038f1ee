package dev.atlmcp.sandbox.confluence;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.adf.AdfToStorage;
import dev.atlmcp.adf.StorageToAdf;
import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * Confluence page changes: updating a page (Cloud v2 or Data Center v1, the next version number required), restoring an
 * old version (v1, both flavours), content properties (v1, versioned, listed), and on Cloud each account's own user
 * properties.
 */
final class PageWrites {

    private final Flavour flavour;
    private final Supplier<ConfluenceStore> store;

    PageWrites(Flavour flavour, Supplier<ConfluenceStore> store) {
        this.flavour = flavour;
        this.store = store;
    }

    /**
     * @param context
     *            {@code /wiki} on Cloud, empty on Data Center
     */
    void register(Router router, String context) {
        String v1 = context + "/rest/api";
        if (flavour == Flavour.CLOUD) {
            router.post("/wiki/api/v2/pages", this::createV2);
            router.put("/wiki/api/v2/pages/{id}", this::updateV2);
            router.get("/wiki/api/v2/pages/{id}/properties", this::listV2Properties);
            router.post("/wiki/api/v2/pages/{id}/properties", this::createV2Property);
            router.put("/wiki/api/v2/pages/{id}/properties/{propertyId}", this::updateV2Property);
            router.get(v1 + "/user/{user}/property/{key}", this::getUserProperty);
            router.post(v1 + "/user/{user}/property/{key}", r -> setUserProperty(r, true));
            router.put(v1 + "/user/{user}/property/{key}", r -> setUserProperty(r, false));
        } else {
            router.put(v1 + "/content/{id}", this::updateV1);
        }
        router.post(v1 + "/content/{id}/version", this::restore);
        router.post(v1 + "/content/{id}/label", this::addLabels);
        router.delete(v1 + "/content/{id}/label/{label}", r -> {
            Page page = editable(r);
            synchronized (page.labels) {
                page.labels.remove(r.pathParam("label"));
            }
            return Response.noContent();
        });
        router.get(v1 + "/content/{id}/property", this::listProperties);
        router.get(v1 + "/content/{id}/property/{key}", this::getProperty);
        router.post(v1 + "/content/{id}/property", r -> createProperty(r, r.json().path("key").asText("")));
        router.post(v1 + "/content/{id}/property/{key}", r -> createProperty(r, r.pathParam("key")));
        router.put(v1 + "/content/{id}/property/{key}", this::updateProperty);
    }

    /** A page the caller may see and change: 404 when not visible, 403 when only visible. */
    private Page editable(Request r) {
        Page page = page(r);
        page.space.requireEditor(ConfluenceApi.user(r), r.path().contains("/api/v2/"));
        return page;
    }

    private Page page(Request r) {
        String id = r.pathParam("id");
        return store.get().visiblePage(id, ConfluenceApi.user(r)).orElseThrow(() -> flavour == Flavour.CLOUD && r
                .path().contains("/api/v2/") ? ConfluenceApi.v2Error(404, "NOT_FOUND", "Not Found", null)
                        : Cql.error(404, "Not Found", "No content found with id: ContentId{id=" + id + "}"));
    }

    /** Cloud v2: {@code {id, status, title, body: {representation, value}, version: {number, message}}}. */
    private Response updateV2(Request r) {
        Page page = editable(r);
        JsonNode request = r.json();
        String representation = request.path("body").path("representation").asText("");
        String value = request.path("body").path("value").asText("");
        JsonNode adf;
        try {
            adf = switch (representation) {
            case "atlas_doc_format" -> Json.MAPPER.readTree(value);
            case "storage" -> StorageToAdf.convert(value);
            default -> throw ConfluenceApi.v2Error(400, "INVALID_REQUEST_PARAMETER", "Bad Request", "Provided value {"
                    + representation + "} for 'representation' is not the correct type.");
            };
        } catch (IOException e) {
            throw ConfluenceApi.v2Error(400, "INVALID_MESSAGE", "Bad Request", "The page body is not valid ADF.");
        }
        if (adf == null || !"doc".equals(adf.path("type").asText())) {
            throw ConfluenceApi.v2Error(400, "INVALID_MESSAGE", "Bad Request", "The page body is not valid ADF.");
        }
        Page.Version version = newVersion(page, request, adf, AdfToStorage.render(adf), ConfluenceApi.user(r),
                () -> ConfluenceApi.v2Error(409, "CONFLICT", "Conflict", conflict(page)));
        ObjectNode json = Json.object().put("id", page.id).put("status", "current").put("title", version.title());
        json.putObject("version").put("number", version.number()).put("message", version.message()).put(
                "authorId", version.author().accountId()).put("createdAt", version.createdAt().toString());
        return Response.ok(json);
    }

    /**
     * Cloud v2: {@code {spaceId, status, title, parentId, body: {representation, value}}}; without a parent the page
     * goes under the space's home page. Titles are unique in a space.
     */
    private Response createV2(Request r) {
        JsonNode request = r.json();
        SandboxUser author = ConfluenceApi.user(r);
        Space space = store.get().spaceById(request.path("spaceId").asText("")).filter(s -> s.visibleTo(author))
                .orElseThrow(() -> ConfluenceApi.v2Error(404, "NOT_FOUND", "Not Found", null));
        space.requireEditor(author, true);
        String representation = request.path("body").path("representation").asText("");
        String value = request.path("body").path("value").asText("");
        JsonNode adf;
        String storage;
        try {
            adf = switch (representation) {
            case "atlas_doc_format" -> Json.MAPPER.readTree(value);
            case "storage" -> StorageToAdf.convert(value);
            default -> throw ConfluenceApi.v2Error(400, "INVALID_REQUEST_PARAMETER", "Bad Request", "Provided value {"
                    + representation + "} for 'representation' is not the correct type.");
            };
            storage = representation.equals("storage") ? value : AdfToStorage.render(adf);
        } catch (IOException e) {
            throw ConfluenceApi.v2Error(400, "INVALID_MESSAGE", "Bad Request", "The page body is not valid ADF.");
        }
        String parentId = request.hasNonNull("parentId") ? request.path("parentId").asText()
                : store.get().rootPages(space).stream().findFirst().map(p -> p.id).orElse(null);
        Page page = create(space, request.path("title").asText(""), parentId, adf, storage, author,
                message -> ConfluenceApi.v2Error(400, "INVALID_REQUEST_PARAMETER", "Bad Request", message));
        ObjectNode json = Json.object().put("id", page.id).put("status", "current").put("title", page.title())
                .put("spaceId", space.id()).put("parentId", page.parentId).put("authorId", author.accountId());
        json.putObject("version").put("number", 1).put("authorId", author.accountId());
        json.putObject("_links").put("webui", ConfluenceApi.webui(flavour, page));
        return Response.ok(json);
    }

    /** Data Center v1: {@code {type: page, title, space: {key}, ancestors: [{id}], body: {storage: {value}}}}. */
    Response createV1(Request r) {
        JsonNode request = r.json();
        SandboxUser author = ConfluenceApi.user(r);
        String key = request.path("space").path("key").asText("");
        Space space = store.get().space(key).filter(s -> s.visibleTo(author)).orElseThrow(() -> PageTree.noSpace(
                key));
        space.requireEditor(author, false);
        String storage = request.path("body").path("storage").path("value").asText("");
        JsonNode ancestors = request.path("ancestors");
        String parentId = ancestors.isArray() && !ancestors.isEmpty() ? ancestors.get(ancestors.size() - 1).path(
                "id").asText() : null;
        Page page = create(space, request.path("title").asText(""), parentId, StorageToAdf.convert(storage),
                storage, author, message -> Cql.error(400, "Bad Request", message));
        ObjectNode json = Json.object().put("id", page.id).put("type", "page").put("status", "current").put("title",
                page.title());
        json.putObject("space").put("key", space.key());
        json.putObject("version").put("number", 1);
        json.putObject("_links").put("webui", ConfluenceApi.webui(flavour, page));
        return Response.ok(json);
    }

    private Page create(Space space, String title, String parentId, JsonNode adf, String storage, SandboxUser author,
            java.util.function.Function<String, ApiException> badRequest) {
        if (title.isBlank()) {
            throw badRequest.apply("A page must have a title.");
        }
        ConfluenceStore site = store.get();
        synchronized (site) {
            if (site.visiblePages(author).stream().anyMatch(p -> p.space.equals(space) && p.title().equals(title))) {
                throw badRequest.apply("A page with this title already exists: A page already exists with the same "
                        + "TITLE in this space");
            }
            if (parentId != null && site.visiblePage(parentId, author).filter(p -> p.space.equals(space))
                    .isEmpty()) {
                throw badRequest.apply("The parent page " + parentId + " is not in space " + space.key() + ".");
            }
            Page page = new Page(site.nextContentId(), space, parentId, author, Instant.now());
            page.versions.add(new Page.Version(1, title, adf, storage, author, Instant.now(), ""));
            site.addCreated(page);
            return page;
        }
    }

    /**
     * Data Center v1: {@code {id, type, title, version: {number}, body: {storage: {value, representation}}}}; other
     * {@code ancestors} move the page.
     */
    private Response updateV1(Request r) {
        Page page = editable(r);
        JsonNode request = r.json();
        String storage = request.path("body").path("storage").path("value").asText(null);
        if (storage == null) {
            throw Cql.error(400, "Bad Request", "A page update needs body.storage.value.");
        }
        if (request.path("version").path("number").asInt() != page.current().number() + 1) {
            throw Cql.error(409, "Conflict", conflict(page));
        }
        new PageMoves(flavour, store).moveByUpdate(r, page, request.path("ancestors"));
        Page.Version version = newVersion(page, request, StorageToAdf.convert(storage), storage, ConfluenceApi.user(
                r), () -> Cql.error(409, "Conflict", conflict(page)));
        ObjectNode json = Json.object().put("id", page.id).put("type", "page").put("title", version.title());
        json.putObject("version").put("number", version.number()).put("message", version.message());
        return Response.ok(json);
    }

    private static String conflict(Page page) {
        return "Version must be incremented on update. Current version is: " + page.current().number();
    }

    private Page.Version newVersion(Page page, JsonNode request, JsonNode adf, String storage, SandboxUser author,
            Supplier<ApiException> conflict) {
        String title = request.path("title").asText("");
        if (title.isBlank()) {
            throw Cql.error(400, "Bad Request", "A page must have a title.");
        }
        synchronized (page.versions) {
            if (request.path("version").path("number").asInt() != page.current().number() + 1) {
                throw conflict.get();
            }
            Page.Version version = new Page.Version(page.current().number() + 1, title, adf, storage, author, Instant
                    .now(), request.path("version").path("message").asText(""));
            page.versions.add(version);
            return version;
        }
    }

    /** v1: {@code [{"prefix": "global", "name": "..."}]}; answers the page's labels. */
    private Response addLabels(Request r) {
        Page page = editable(r);
        JsonNode labels = r.json();
        if (!labels.isArray() || labels.isEmpty()) {
            throw Cql.error(400, "Bad Request", "Give a list of labels.");
        }
        synchronized (page.labels) {
            for (JsonNode label : labels) {
                String name = label.path("name").asText("");
                if (name.isBlank() || name.contains(" ")) {
                    throw Cql.error(400, "Bad Request", "Label '" + name + "' is not valid.");
                }
                if (!page.labels.contains(name)) {
                    page.labels.add(name);
                }
            }
        }
        ObjectNode json = Json.object();
        var results = json.putArray("results");
        page.labels.forEach(l -> results.addObject().put("prefix", "global").put("name", l).put("id", labelId(l))
                .put("label", l));
        return Response.ok(json.put("start", 0).put("limit", page.labels.size()).put("size", page.labels.size()));
    }

    /** v1: {@code {"operationKey": "restore", "params": {"versionNumber": n, "message": "..."}}}. */
    private Response restore(Request r) {
        Page page = editable(r);
        JsonNode request = r.json();
        if (!"restore".equals(request.path("operationKey").asText())) {
            throw Cql.error(400, "Bad Request", "operationKey must be restore");
        }
        int number = request.path("params").path("versionNumber").asInt();
        Page.Version restored;
        synchronized (page.versions) {
            Page.Version old = page.versions.stream().filter(v -> v.number() == number).findFirst().orElseThrow(
                    () -> Cql.error(400, "Bad Request", "Version " + number + " does not exist."));
            if (old.number() == page.current().number()) {
                throw Cql.error(400, "Bad Request", "Cannot restore the current version.");
            }
            restored = new Page.Version(page.current().number() + 1, old.title(), old.adf(), old.storage(),
                    ConfluenceApi.user(r), Instant.now(), request.path("params").path("message").asText(""));
            page.versions.add(restored);
        }
        ObjectNode json = Json.object().put("number", restored.number()).put("message", restored.message()).put(
                "minorEdit", false).put(
                        "when", restored.createdAt().toString());
        return Response.ok(json);
    }

    /** Cloud v2: the page's properties, oldest first, or those of one {@code key}; 404 for a page not visible. */
    private Response listV2Properties(Request r) {
        Page page = page(r);
        Optional<String> key = r.param("key");
        ObjectNode json = Json.object();
        ArrayNode results = json.putArray("results");
        synchronized (page.properties) {
            page.properties.forEach((k, property) -> {
                if (key.isEmpty() || key.get().equals(k)) {
                    results.add(v2Property(k, property));
                }
            });
        }
        json.putObject("_links");
        return Response.ok(json);
    }

    /** Cloud v2: {@code {"key", "value"}}; 400 if the page has a property of that key. */
    private Response createV2Property(Request r) {
        Page page = editable(r);
        String key = r.json().path("key").asText("");
        if (key.isBlank()) {
            throw ConfluenceApi.v2Error(400, "INVALID_REQUEST_PARAMETER", "A content property needs a key.", null);
        }
        JsonNode value = value(r);
        Page.Property property = new Page.Property(store.get().nextContentId(), value, 1);
        synchronized (page.properties) {
            if (page.properties.containsKey(key)) {
                throw ConfluenceApi.v2Error(400, "INVALID_REQUEST_PARAMETER", "A content property with key '" + key
                        + "' already exists.", null);
            }
            page.properties.put(key, property);
        }
        return Response.ok(v2Property(key, property));
    }

    /** Cloud v2, by the property's id, with the next version number, as the v1 update. */
    private Response updateV2Property(Request r) {
        Page page = editable(r);
        String id = r.pathParam("propertyId");
        JsonNode value = value(r);
        int number = r.json().path("version").path("number").asInt();
        synchronized (page.properties) {
            Map.Entry<String, Page.Property> current = page.properties.entrySet().stream().filter(e -> e.getValue()
                    .id().equals(id)).findFirst().orElseThrow(() -> ConfluenceApi.v2Error(404, "NOT_FOUND",
                            "Not Found", null));
            if (!current.getKey().equals(r.json().path("key").asText(current.getKey()))) {
                throw ConfluenceApi.v2Error(400, "INVALID_REQUEST_PARAMETER", "The key of a property cannot change.",
                        null);
            }
            if (number != current.getValue().version() + 1) {
                throw ConfluenceApi.v2Error(409, "CONFLICT", "Version must be incremented on update. Current "
                        + "version is: " + current.getValue().version(), null);
            }
            Page.Property updated = new Page.Property(id, value, number);
            page.properties.put(current.getKey(), updated);
            return Response.ok(v2Property(current.getKey(), updated));
        }
    }

    private static ObjectNode v2Property(String key, Page.Property property) {
        ObjectNode json = Json.object().put("id", property.id()).put("key", key);
        json.set("value", property.value());
        json.putObject("version").put("number", property.version()).put("message", "").put("minorEdit", false);
        return json;
    }

    /** v1 listing, oldest first, {@code start}/{@code limit} paged (at most 100), {@code _links.next} while more. */
    private Response listProperties(Request r) {
        Page page = page(r);
        int start = Math.max(0, r.intParam("start", 0));
        int limit = Math.min(100, Math.max(1, r.intParam("limit", 10)));
        List<Map.Entry<String, Page.Property>> all;
        synchronized (page.properties) {
            all = new ArrayList<>(page.properties.entrySet());
        }
        ObjectNode json = Json.object();
        ArrayNode results = json.putArray("results");
        all.stream().skip(start).limit(limit).forEach(e -> results.add(property(page, e.getKey(), e.getValue())));
        json.put("start", start).put("limit", limit).put("size", results.size());
        ObjectNode links = json.putObject("_links");
        if (start + results.size() < all.size()) {
            links.put("next",
                    "/rest/api/content/" + page.id + "/property?start=" + (start + results.size()) + "&limit=" + limit);
        }
        return Response.ok(json);
    }

    private Response getProperty(Request r) {
        Page page = page(r);
        String key = r.pathParam("key");
        Page.Property property;
        synchronized (page.properties) {
            property = page.properties.get(key);
        }
        if (property == null) {
            throw Cql.error(404, "Not Found", "Cannot find content property with key: " + key);
        }
        return Response.ok(property(page, key, property));
    }

    private Response createProperty(Request r, String key) {
        Page page = editable(r);
        JsonNode value = value(r);
        Page.Property property = new Page.Property(store.get().nextContentId(), value, 1);
        synchronized (page.properties) {
            if (page.properties.containsKey(key)) {
                throw Cql.error(409, "Conflict", "A content property with key '" + key + "' already exists.");
            }
            page.properties.put(key, property);
        }
        return Response.ok(property(page, key, property));
    }

    /** The next version number is required, like Confluence's optimistic locking. */
    private Response updateProperty(Request r) {
        Page page = editable(r);
        String key = r.pathParam("key");
        JsonNode value = value(r);
        int number = r.json().path("version").path("number").asInt();
        Page.Property updated;
        synchronized (page.properties) {
            Page.Property current = page.properties.get(key);
            if (current == null) {
                throw Cql.error(404, "Not Found", "Cannot find content property with key: " + key);
            }
            if (number != current.version() + 1) {
                throw Cql.error(409, "Conflict", "Version must be incremented on update. Current version is: "
                        + current.version());
            }
            updated = new Page.Property(current.id(), value, number);
            page.properties.put(key, updated);
        }
        return Response.ok(property(page, key, updated));
    }

    private static JsonNode value(Request r) {
        JsonNode value = r.json().get("value");
        if (value == null || value.isNull()) {
            throw Cql.error(400, "Bad Request", "A content property needs a value.");
        }
        if (value.toString().length() > 32_768) {
            throw Cql.error(413, "Request Entity Too Large", "The property value must not exceed 32768 characters.");
        }
        return value;
    }

    private static ObjectNode property(Page page, String key, Page.Property property) {
        ObjectNode json = Json.object().put("id", property.id()).put("key", key);
        json.set("value", property.value());
        json.putObject("version").put("number", property.version()).put("when", Instant.now().toString()).put(
                "message", "").put("minorEdit", false);
        json.putObject("content").put("id", page.id);
        json.putObject("_links").put("self", "/rest/api/content/" + page.id + "/property/" + key);
        return json;
    }

    /** A stable id for a label name, as Confluence gives each label one. */
    static String labelId(String name) {
        return String.valueOf(Math.abs((long) name.hashCode()) % 900_000_000L + 100_000_000L);
    }

    /** Cloud: only the caller's own properties; POST creates (409 if present), PUT updates (404 if missing). */
    private Map<String, JsonNode> ownUserProperties(Request r) {
        SandboxUser me = ConfluenceApi.user(r);
        if (!r.pathParam("user").equals(me.accountId())) {
            throw Cql.error(403, "Forbidden", "You can only access your own user properties.");
        }
        synchronized (store.get().userProperties) {
            return store.get().userProperties.computeIfAbsent(me.accountId(), k -> new LinkedHashMap<>());
        }
    }

    private Response getUserProperty(Request r) {
        Map<String, JsonNode> properties = ownUserProperties(r);
        String key = r.pathParam("key");
        JsonNode value;
        synchronized (properties) {
            value = properties.get(key);
        }
        if (value == null) {
            throw Cql.error(404, "Not Found", "Property with key '" + key + "' not found.");
        }
        ObjectNode json = Json.object().put("key", key);
        json.set("value", value);
        return Response.ok(json);
    }

    private Response setUserProperty(Request r, boolean create) {
        Map<String, JsonNode> properties = ownUserProperties(r);
        String key = r.pathParam("key");
        JsonNode value = value(r);
        synchronized (properties) {
            if (create && properties.containsKey(key)) {
                throw Cql.error(409, "Conflict", "Property with key '" + key + "' already exists.");
            }
            if (!create && !properties.containsKey(key)) {
                throw Cql.error(404, "Not Found", "Property with key '" + key + "' not found.");
            }
            properties.put(key, value);
        }
        return create ? Response.json(201, Json.object()) : Response.noContent();
    }
}

package dev.atlmcp.sandbox.confluence;

import java.time.Instant;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * Moving and copying pages. Cloud moves with v1 {@code PUT /content/{id}/move/{position}/{targetId}} (across spaces
 * too) and copies with v1 {@code POST /content/{id}/copy}, and lists a page's ancestors in v2. Data Center moves a page
 * by updating it with other {@code ancestors} ({@link #moveByUpdate}), within its space; it has no copy operation.
 */
final class PageMoves {

    private final Flavour flavour;
    private final Supplier<ConfluenceStore> store;

    PageMoves(Flavour flavour, Supplier<ConfluenceStore> store) {
        this.flavour = flavour;
        this.store = store;
    }

    void register(Router router) {
        if (flavour != Flavour.CLOUD) {
            return;
        }
        router.put("/wiki/rest/api/content/{id}/move/{position}/{targetId}", this::move);
        router.post("/wiki/rest/api/content/{id}/copy", this::copy);
        router.get("/wiki/api/v2/pages/{id}/ancestors", r -> {
            Page page = visible(r, r.pathParam("id"), true);
            ObjectNode json = Json.object();
            ArrayNode results = json.putArray("results");
            page.ancestorIds.forEach(id -> results.addObject().put("id", id).put("type", "page"));
            json.putObject("_links");
            return Response.ok(json);
        });
    }

    /** {@code append} puts the page under the target; {@code before} and {@code after} beside it. */
    private Response move(Request r) {
        SandboxUser user = ConfluenceApi.user(r);
        Page page = visible(r, r.pathParam("id"), false);
        Page target = visible(r, r.pathParam("targetId"), false);
        String position = r.pathParam("position");
        if (!Set.of("append", "before", "after").contains(position)) {
            throw Cql.badRequest("position must be one of before, after, append");
        }
        Page parent = position.equals("append") ? target : store.get().visiblePage(target.parentId, user)
                .orElseThrow(() -> Cql.badRequest("The sandbox moves pages only under a parent page."));
        move(page, parent, user, Cql::badRequest);
        return Response.ok(Json.object().put("pageId", page.id));
    }

    /**
     * Data Center: a page update whose last ancestor is not the page's parent moves the page there. Returns false when
     * the update does not move the page.
     */
    boolean moveByUpdate(Request r, Page page, JsonNode ancestors) {
        if (!ancestors.isArray() || ancestors.isEmpty()) {
            return false;
        }
        String parentId = ancestors.get(ancestors.size() - 1).path("id").asText("");
        if (parentId.equals(page.parentId)) {
            return false;
        }
        SandboxUser user = ConfluenceApi.user(r);
        Page parent = store.get().visiblePage(parentId, user).orElseThrow(() -> Cql.error(404, "Not Found",
                "No content found with id: ContentId{id=" + parentId + "}"));
        if (!parent.space.equals(page.space)) {
            throw Cql.badRequest("The parent page " + parentId + " is not in space " + page.space.key() + ".");
        }
        move(page, parent, user, Cql::badRequest);
        return true;
    }

    private void move(Page page, Page parent, SandboxUser user, Function<String, ApiException> badRequest) {
        page.space.requireEditor(user, false);
        parent.space.requireEditor(user, false);
        if (parent.id.equals(page.id) || parent.ancestorIds.contains(page.id)) {
            throw badRequest.apply("The move would create a parent-child loop.");
        }
        ConfluenceStore site = store.get();
        synchronized (site) {
            if (!parent.space.equals(page.space) && titleTaken(site, parent.space, page.title())) {
                throw badRequest.apply("A page with this title already exists in space " + parent.space.key()
                        + ". Rename the page before moving it.");
            }
            site.move(page, parent);
        }
    }

    /** {@code destination}: {@code parent_page} (a page id) or {@code space} (a key, at the top of the space). */
    private Response copy(Request r) {
        SandboxUser user = ConfluenceApi.user(r);
        Page source = visible(r, r.pathParam("id"), false);
        JsonNode request = r.json();
        String type = request.path("destination").path("type").asText("");
        String value = request.path("destination").path("value").asText("");
        ConfluenceStore site = store.get();
        Page parent = null;
        Space space;
        if (type.equals("parent_page")) {
            parent = visible(r, value, false);
            space = parent.space;
        } else if (type.equals("space")) {
            space = site.space(value).filter(s -> s.visibleTo(user)).orElseThrow(() -> Cql.error(404, "Not Found",
                    "No space with key : " + value));
        } else {
            throw Cql.badRequest("destination.type must be parent_page or space in the sandbox, got '" + type + "'");
        }
        space.requireEditor(user, false);
        String title = request.path("pageTitle").asText(source.title());
        Page.Version current = source.current();
        Page copy;
        synchronized (site) {
            if (titleTaken(site, space, title)) {
                throw Cql.badRequest("A page with this title already exists: A page already exists with the same "
                        + "TITLE in this space");
            }
            copy = new Page(site.nextContentId(), space, parent == null ? null : parent.id, user, Instant.now());
            copy.versions.add(new Page.Version(1, title, current.adf(), current.storage(), user, Instant.now(), ""));
            if (request.path("copyLabels").asBoolean()) {
                copy.labels.addAll(source.labels);
            }
            if (request.path("copyPermissions").asBoolean()) {
                copy.restrictions.putAll(source.restrictions);
            }
            if (request.path("copyProperties").asBoolean()) {
                copy.properties.putAll(source.properties);
            }
            if (request.path("copyAttachments").asBoolean()) {
                source.attachments.forEach(a -> copy.attachments.add(new Page.Attachment("att" + site
                        .nextContentId(), a.title(), a.mediaType(), a.content(), user, Instant.now())));
            }
            site.addCreated(copy);
        }
        ObjectNode json = Json.object().put("id", copy.id).put("type", "page").put("status", "current").put("title",
                title);
        ObjectNode placed = json.putObject("space").put("key", space.key()).put("name", space.name()).put("type",
                "global").put("status", "current");
        placed.putObject("_expandable");
        placed.putObject("_links").put("webui", "/spaces/" + space.key());
        json.putObject("version").put("number", 1).put("when", copy.createdAt.toString()).put("minorEdit", false);
        json.putObject("_links").put("webui", ConfluenceApi.webui(flavour, copy));
        return Response.ok(json);
    }

    private static boolean titleTaken(ConfluenceStore site, Space space, String title) {
        return site.pagesIn(space).stream().anyMatch(p -> p.title().equals(title));
    }

    private Page visible(Request r, String id, boolean v2) {
        return store.get().visiblePage(id, ConfluenceApi.user(r)).orElseThrow(() -> v2 ? ConfluenceApi.v2Error(404,
                "NOT_FOUND", "Not Found", null)
                : Cql.error(404, "Not Found", "No content found with id: ContentId{id=" + id + "}"));
    }
}

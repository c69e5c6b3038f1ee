package dev.atlmcp.sandbox.confluence;

import java.util.List;
import java.util.function.Supplier;

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
 * Browsing a Confluence site: spaces, a page's children, pages found by space and title, a page's labels. Cloud answers
 * v2 shapes paged by {@code cursor}, Data Center v1 shapes paged by {@code start}.
 */
final class PageTree {

    private final Flavour flavour;
    private final Supplier<ConfluenceStore> store;

    PageTree(Flavour flavour, Supplier<ConfluenceStore> store) {
        this.flavour = flavour;
        this.store = store;
    }

    void register(Router router) {
        if (flavour == Flavour.CLOUD) {
            router.get("/wiki/api/v2/spaces", this::spacesV2);
            router.get("/wiki/api/v2/pages", this::pagesV2);
            router.get("/wiki/api/v2/pages/{id}/children", this::childrenV2);
            router.get("/wiki/api/v2/pages/{id}/labels", this::labelsV2);
        } else {
            router.get("/rest/api/space", this::spacesV1);
            router.get("/rest/api/space/{key}", this::spaceV1);
            router.get("/rest/api/content", this::pagesV1);
            router.get("/rest/api/content/{id}/child/page", this::childrenV1);
            router.get("/rest/api/content/{id}/label", this::labelsV1);
        }
    }

    /** {@code keys} (comma-separated) narrows the list; {@code limit} and {@code cursor} page it. */
    private Response spacesV2(Request r) {
        List<String> keys = r.param("keys").map(k -> List.of(k.split(","))).orElse(List.of());
        List<Space> spaces = store.get().spaces().stream().filter(s -> s.visibleTo(user(r))).filter(s -> keys
                .isEmpty() || keys.contains(s.key())).toList();
        return pagedV2(r, spaces, (s, json) -> space(s, json.addObject()), "/wiki/api/v2/spaces");
    }

    private ObjectNode space(Space s, ObjectNode json) {
        json.put("id", s.id()).put("key", s.key()).put("name", s.name()).put("type", "global").put("status",
                "current");
        store.get().rootPages(s).stream().findFirst().ifPresent(home -> json.put("homepageId", home.id));
        json.putObject("description").putObject("plain").put("value", s.description()).put("representation",
                "plain");
        json.putObject("_links").put("webui", flavour == Flavour.CLOUD ? "/spaces/" + s.key() : "/display/" + s
                .key());
        return json;
    }

    /** {@code space-id} and {@code title} (exact) narrow the list. */
    private Response pagesV2(Request r) {
        String spaceId = r.param("space-id").orElse(null);
        String title = r.param("title").orElse(null);
        List<Page> pages = store.get().visiblePages(user(r)).stream().filter(p -> spaceId == null || p.space.id()
                .equals(spaceId)).filter(p -> title == null || p.title().equals(title)).toList();
        return pagedV2(r, pages, (p, json) -> pageRef(p, json.addObject()), "/wiki/api/v2/pages");
    }

    private Response childrenV2(Request r) {
        Page parent = visible(r);
        List<Page> children = store.get().children(parent);
        // ChildPage: fewer fields than a page
        return pagedV2(r, children, (p, json) -> json.addObject().put("id", p.id).put("status", "current").put(
                "title", p.title()).put("spaceId", p.space.id()).put("childPosition", children.indexOf(p)),
                "/wiki/api/v2/pages/" + parent.id + "/children");
    }

    private Response labelsV2(Request r) {
        Page page = visible(r);
        List<String> labels;
        synchronized (page.labels) {
            labels = List.copyOf(page.labels);
        }
        return pagedV2(r, labels, (l, json) -> json.addObject().put("id", ConfluenceApi.labelId(l)).put("name", l)
                .put("prefix", "global"), "/wiki/api/v2/pages/" + page.id + "/labels");
    }

    private ObjectNode pageRef(Page p, ObjectNode json) {
        json.put("id", p.id).put("status", "current").put("title", p.title()).put("spaceId", p.space.id());
        if (p.parentId != null) {
            json.put("parentId", p.parentId).put("parentType", "page");
        }
        json.put("authorId", p.creator.accountId()).put("createdAt", p.createdAt.toString());
        json.putObject("version").put("number", p.current().number()).put("createdAt", p.current().createdAt()
                .toString()).put("authorId", p.current().author().accountId());
        return json;
    }

    private <T> Response pagedV2(Request r, List<T> all, java.util.function.BiConsumer<T, ArrayNode> add,
            String path) {
        int limit = Math.max(1, Math.min(250, r.intParam("limit", 25)));
        int start = r.param("cursor").map(PageTree::offset).orElse(0);
        ObjectNode json = Json.object();
        ArrayNode results = json.putArray("results");
        all.stream().skip(start).limit(limit).forEach(item -> add.accept(item, results));
        ObjectNode links = json.putObject("_links");
        if (start + limit < all.size()) {
            links.put("next", path + "?limit=" + limit + "&cursor=" + (start + limit));
        }
        return Response.ok(json);
    }

    private static int offset(String cursor) {
        if (!cursor.matches("\\d{1,9}")) {
            throw ConfluenceApi.v2Error(400, "INVALID_REQUEST_PARAMETER", "Bad Request", "Invalid cursor");
        }
        return Integer.parseInt(cursor);
    }

    private Response spacesV1(Request r) {
        List<String> keys = r.query().getOrDefault("spaceKey", List.of());
        List<Space> spaces = store.get().spaces().stream().filter(s -> s.visibleTo(user(r))).filter(s -> keys
                .isEmpty() || keys.contains(s.key())).toList();
        return pagedV1(r, spaces, (s, json) -> space(s, json.addObject()).put("id", Long.parseLong(s.id())),
                "/rest/api/space");
    }

    private Response spaceV1(Request r) {
        String key = r.pathParam("key");
        Space space = store.get().spaces().stream().filter(s -> s.key().equals(key) && s.visibleTo(user(r)))
                .findFirst().orElseThrow(() -> Cql.error(404, "Not Found", "No space with key : " + key));
        ObjectNode json = space(space, Json.object()).put("id", Long.parseLong(space.id()));
        store.get().rootPages(space).stream().findFirst().ifPresent(home -> json.putObject("homepage").put("id",
                home.id).put("type", "page").put("title", home.title()));
        return Response.ok(json);
    }

    /** {@code spaceKey} and {@code title} (exact) narrow the list of pages. */
    private Response pagesV1(Request r) {
        String key = r.param("spaceKey").orElse(null);
        String title = r.param("title").orElse(null);
        List<Page> pages = store.get().visiblePages(user(r)).stream().filter(p -> key == null || p.space.key()
                .equals(key)).filter(p -> title == null || p.title().equals(title)).toList();
        return pagedV1(r, pages, (p, json) -> pageRefV1(p, json.addObject()), "/rest/api/content");
    }

    private Response childrenV1(Request r) {
        Page parent = visible(r);
        return pagedV1(r, store.get().children(parent), (p, json) -> pageRefV1(p, json.addObject()),
                "/rest/api/content/" + parent.id + "/child/page");
    }

    private Response labelsV1(Request r) {
        Page page = visible(r);
        List<String> labels;
        synchronized (page.labels) {
            labels = List.copyOf(page.labels);
        }
        return pagedV1(r, labels, (l, json) -> json.addObject().put("prefix", "global").put("name", l).put("id",
                ConfluenceApi.labelId(l)), "/rest/api/content/" + page.id + "/label");
    }

    private ObjectNode pageRefV1(Page p, ObjectNode json) {
        json.put("id", p.id).put("type", "page").put("status", "current").put("title", p.title());
        ObjectNode version = json.putObject("version").put("number", p.current().number()).put("when", p.current()
                .createdAt().toString());
        version.putObject("by").put("username", p.current().author().username()).put("displayName", p.current()
                .author().displayName());
        ObjectNode history = json.putObject("history").put("createdDate", p.createdAt.toString());
        history.putObject("createdBy").put("username", p.creator.username()).put("displayName", p.creator
                .displayName());
        return json;
    }

    private <T> Response pagedV1(Request r, List<T> all, java.util.function.BiConsumer<T, ArrayNode> add,
            String path) {
        int limit = Math.max(1, Math.min(200, r.intParam("limit", 25)));
        int start = Math.max(0, r.intParam("start", 0));
        ObjectNode json = Json.object();
        ArrayNode results = json.putArray("results");
        all.stream().skip(start).limit(limit).forEach(item -> add.accept(item, results));
        json.put("start", start).put("limit", limit).put("size", results.size());
        ObjectNode links = json.putObject("_links");
        if (start + limit < all.size()) {
            links.put("next", path + "?start=" + (start + limit) + "&limit=" + limit);
        }
        return Response.ok(json);
    }

    private Page visible(Request r) {
        String id = r.pathParam("id");
        return store.get().visiblePage(id, user(r)).orElseThrow(() -> flavour == Flavour.CLOUD ? ConfluenceApi
                .v2Error(404, "NOT_FOUND", "Not Found", null)
                : Cql.error(404, "Not Found", "No content found with id: ContentId{id=" + id + "}"));
    }

    private static SandboxUser user(Request r) {
        return ConfluenceApi.user(r);
    }

    static ApiException noSpace(String key) {
        return Cql.error(404, "Not Found", "No space with key : " + key);
    }
}

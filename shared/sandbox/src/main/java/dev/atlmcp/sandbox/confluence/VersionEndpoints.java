package dev.atlmcp.sandbox.confluence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/** A page's versions, newest first: Cloud v2 paged by {@code cursor}, Data Center v1 by {@code start}. */
final class VersionEndpoints {

    private final Flavour flavour;
    private final Supplier<ConfluenceStore> store;

    VersionEndpoints(Flavour flavour, Supplier<ConfluenceStore> store) {
        this.flavour = flavour;
        this.store = store;
    }

    void register(Router router) {
        if (flavour == Flavour.CLOUD) {
            router.get("/wiki/api/v2/pages/{id}/versions", this::versionsV2);
        } else {
            router.get("/rest/api/content/{id}/version", this::versionsV1);
        }
    }

    private List<Page.Version> newestFirst(Request r) {
        String id = r.pathParam("id");
        Page page = store.get().visiblePage(id, ConfluenceApi.user(r)).orElseThrow(() -> flavour == Flavour.CLOUD
                ? ConfluenceApi.v2Error(404, "NOT_FOUND", "Not Found", null)
                : Cql.error(404, "Not Found", "No content found with id: ContentId{id=" + id + "}"));
        List<Page.Version> versions;
        synchronized (page.versions) {
            versions = new ArrayList<>(page.versions);
        }
        Collections.reverse(versions);
        return versions;
    }

    private Response versionsV2(Request r) {
        List<Page.Version> versions = newestFirst(r);
        int limit = Math.max(1, Math.min(250, r.intParam("limit", 25)));
        int start = r.param("cursor").filter(c -> c.matches("\\d{1,9}")).map(Integer::parseInt).orElse(0);
        ObjectNode json = Json.object();
        ArrayNode results = json.putArray("results");
        versions.stream().skip(start).limit(limit).forEach(v -> results.addObject().put("number", v.number()).put(
                "message", v.message()).put("minorEdit", false).put("authorId", v.author().accountId()).put(
                        "createdAt", v.createdAt().toString()));
        ObjectNode links = json.putObject("_links");
        if (start + limit < versions.size()) {
            links.put("next", "/wiki/api/v2/pages/" + r.pathParam("id") + "/versions?limit=" + limit + "&cursor="
                    + (start + limit));
        }
        return Response.ok(json);
    }

    private Response versionsV1(Request r) {
        List<Page.Version> versions = newestFirst(r);
        int limit = Math.max(1, Math.min(200, r.intParam("limit", 25)));
        int start = Math.max(0, r.intParam("start", 0));
        ObjectNode json = Json.object();
        ArrayNode results = json.putArray("results");
        versions.stream().skip(start).limit(limit).forEach(v -> {
            ObjectNode version = results.addObject().put("number", v.number()).put("message", v.message()).put(
                    "minorEdit", false).put("when", v.createdAt().toString());
            version.putObject("by").put("type", "known").put("username", v.author().username()).put("userKey", v
                    .author().key()).put("displayName", v.author().displayName());
        });
        json.put("start", start).put("limit", limit).put("size", results.size());
        ObjectNode links = json.putObject("_links");
        if (start + limit < versions.size()) {
            links.put("next", "/rest/api/content/" + r.pathParam("id") + "/version?start=" + (start + limit)
                    + "&limit=" + limit);
        }
        return Response.ok(json);
    }
}

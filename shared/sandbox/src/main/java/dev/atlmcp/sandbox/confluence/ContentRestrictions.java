package dev.atlmcp.sandbox.confluence;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * A page's restrictions as v1 shows them on both flavours ({@code /restriction/byOperation}): who may view
 * ({@code read}) and edit ({@code update}) it, by person and group; empty lists where the operation is not restricted.
 * View restrictions also hide the page, and those under it, from everyone else ({@link ConfluenceStore#readable}).
 */
final class ContentRestrictions {

    private static final List<String> OPERATIONS = List.of("read", "update");

    private final Flavour flavour;
    private final Supplier<ConfluenceStore> store;

    ContentRestrictions(Flavour flavour, Supplier<ConfluenceStore> store) {
        this.flavour = flavour;
        this.store = store;
    }

    void register(Router router, String context) {
        String content = context + "/rest/api/content/{id}/restriction/byOperation";
        router.get(content, r -> {
            Page page = page(r);
            ObjectNode json = Json.object();
            OPERATIONS.forEach(op -> json.set(op, operation(r, page, op)));
            json.putObject("_links").put("base", context).put("context", context);
            return Response.ok(json);
        });
        router.get(content + "/{operationKey}", r -> {
            String op = r.pathParam("operationKey");
            if (!OPERATIONS.contains(op)) {
                throw Cql.badRequest("operationKey must be read or update, got " + op);
            }
            return Response.ok(operation(r, page(r), op));
        });
    }

    private Page page(Request r) {
        String id = r.pathParam("id");
        return store.get().visiblePage(id, ConfluenceApi.user(r)).orElseThrow(() -> Cql.error(404, "Not Found",
                "No content found with id: ContentId{id=" + id + "}"));
    }

    private ObjectNode operation(Request r, Page page, String op) {
        Page.Restriction restriction = page.restrictions.getOrDefault(op, new Page.Restriction(Set.of(), Set.of()));
        Set<String> expand = Set.of(r.param("expand").orElse("restrictions.user,restrictions.group").split(","));
        ObjectNode json = Json.object().put("operation", op);
        ObjectNode restrictions = json.putObject("restrictions");
        if (expand.contains("restrictions.user")) {
            ArrayNode users = list(restrictions.putObject("user"), restriction.users().size());
            restriction.users().stream().sorted(java.util.Comparator.comparing(SandboxUser::displayName)).forEach(
                    u -> person(users.addObject(), u));
        }
        if (expand.contains("restrictions.group")) {
            ArrayNode groups = list(restrictions.putObject("group"), restriction.groups().size());
            restriction.groups().stream().sorted().forEach(g -> {
                ObjectNode group = groups.addObject().put("type", "group").put("name", g);
                if (flavour == Flavour.CLOUD) {
                    group.put("id", Groups.id(g));
                }
            });
        }
        if (expand.contains("content")) {
            json.putObject("content").put("id", page.id).put("type", page.type).put("status", "current").put(
                    "title", page.title());
        }
        json.putObject("_expandable").put("content", "/rest/api/content/" + page.id);
        json.putObject("_links").put("self", "/rest/api/content/" + page.id + "/restriction/byOperation/" + op);
        return json;
    }

    private static ArrayNode list(ObjectNode holder, int size) {
        holder.put("start", 0).put("limit", 200).put("size", size);
        return holder.putArray("results");
    }

    private void person(ObjectNode json, SandboxUser u) {
        json.put("type", "known").put("displayName", u.displayName());
        if (flavour == Flavour.CLOUD) {
            json.put("accountId", u.accountId()).put("accountType", "atlassian").put("email", u.email()).put(
                    "publicName", u.displayName());
        } else {
            json.put("username", u.username()).put("userKey", u.key());
        }
    }
}

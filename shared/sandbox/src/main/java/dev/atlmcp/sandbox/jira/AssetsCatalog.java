package dev.atlmcp.sandbox.jira;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * Assets (the Jira Service Management CMDB), read-only: one object schema of services, servers and databases, searched
 * with a subset of AQL ({@code objectType = X}, {@code Key = X}, {@code Name like X}, {@code object HAVING
 * connectedTickets(key = X)}, joined with AND). Cloud: the workspace through the JSM API, objects under
 * {@code /jsm/assets/workspace/{id}/v1} on the API gateway (the site's {@code /gateway/api/jsm/assets/...}); Data
 * Center: {@code /rest/insight/1.0}. No published description is vendored [UNVERIFIED against a live site].
 */
final class AssetsCatalog {

    static final String WORKSPACE = "4f1c9a8e-1d2b-4c3d-9e8f-0a1b2c3d4e5f";

    private record Attribute(String name, String value, String reference) {
    }

    private record AssetObject(String id, String key, String label, String type, List<Attribute> attributes,
            List<String> tickets) {
    }

    private static final List<AssetObject> OBJECTS = List.of(
            new AssetObject("1", "ITA-1", "checkout-api", "Service", List.of(new Attribute("Owner team", "Checkout",
                    null), new Attribute("Tier", "tier-1", null), new Attribute("Runs on", null, "3"),
                    new Attribute(
                            "Database", null, "4")),
                    List.of("OPS-1", "WEB-1")),
            new AssetObject("2", "ITA-2", "payments-api", "Service", List.of(new Attribute("Owner team", "Payments",
                    null), new Attribute("Tier", "tier-1", null), new Attribute("Runs on", null, "5")), List.of()),
            new AssetObject("3", "ITA-3", "prod-eu-app-07", "Server", List.of(new Attribute("IP address", "10.2.7.14",
                    null), new Attribute("Operating system", "Ubuntu 24.04", null),
                    new Attribute("Region", "eu-west-1",
                            null)),
                    List.of("OPS-1")),
            new AssetObject("4", "ITA-4", "checkout-db", "Database", List.of(new Attribute("Engine", "PostgreSQL 16",
                    null), new Attribute("Max connections", "80", null), new Attribute("Runs on", null, "3")), List.of(
                            "OPS-1")),
            new AssetObject("5", "ITA-5", "prod-eu-app-09", "Server", List.of(new Attribute("IP address", "10.2.7.19",
                    null), new Attribute("Operating system", "Ubuntu 24.04", null)), List.of()));

    private static final Pattern CONDITION = Pattern.compile(
            "(?i)\\s*(?:(objectType|Key|Name|label)\\s*(=|like)\\s*(\"[^\"]*\"|[^\\s\"]+)"
                    + "|object\\s+HAVING\\s+connectedTickets\\(\\s*key\\s*=\\s*([A-Z][A-Z0-9_]*-\\d+)\\s*\\))\\s*");

    private final Flavour flavour;

    AssetsCatalog(Flavour flavour) {
        this.flavour = flavour;
    }

    /** Cloud site routes and Data Center's; {@link #registerGateway} adds the gateway's. */
    void register(Router router) {
        if (flavour == Flavour.CLOUD) {
            router.get("/rest/servicedeskapi/assets/workspace", r -> {
                ObjectNode json = Json.object().put("size", 1).put("start", 0).put("limit", 50).put("isLastPage",
                        true);
                json.putArray("values").addObject().put("workspaceId", WORKSPACE);
                json.putObject("_links");
                return Response.ok(json);
            });
            registerGateway(router, "/gateway/api/jsm/assets");
        } else {
            router.get("/rest/insight/1.0/aql/objects", r -> {
                List<AssetObject> found = search(r.param("qlQuery").orElse(""));
                int page = Math.max(1, r.intParam("page", 1));
                int size = Math.max(1, Math.min(100, r.intParam("resultPerPage", 25)));
                ObjectNode json = Json.object();
                ArrayNode entries = json.putArray("objectEntries");
                found.stream().skip((long) (page - 1) * size).limit(size).forEach(o -> entries.add(object(o)));
                json.put("totalFilterCount", found.size()).put("pageNumber", page).put("pageSize", size).put(
                        "pageObjectSize", entries.size()).put("qlQuery", r.param("qlQuery").orElse(""));
                return Response.ok(json);
            });
            router.get("/rest/insight/1.0/object/{id}", r -> Response.ok(object(byId(r.pathParam("id")))));
        }
    }

    /** The Assets routes under {@code prefix}: the gateway's {@code /jsm/assets}, or the site's path to it. */
    void registerGateway(Router router, String prefix) {
        String base = prefix + "/workspace/{workspaceId}/v1";
        router.post(base + "/object/aql", r -> {
            workspace(r);
            String aql = r.json().path("qlQuery").asText("");
            List<AssetObject> found = search(aql);
            int start = Math.max(0, r.intParam("startAt", 0));
            int max = Math.max(1, Math.min(100, r.intParam("maxResults", 25)));
            ObjectNode json = Json.object().put("startAt", start).put("maxResults", max).put("total", found.size())
                    .put("isLast", start + max >= found.size());
            ArrayNode values = json.putArray("values");
            found.stream().skip(start).limit(max).forEach(o -> values.add(object(o)));
            return Response.ok(json);
        });
        router.get(base + "/object/{id}", r -> {
            workspace(r);
            return Response.ok(object(byId(r.pathParam("id"))));
        });
    }

    private static void workspace(Request r) {
        if (!WORKSPACE.equals(r.pathParam("workspaceId"))) {
            throw ApiException.jira(404, "Workspace not found");
        }
    }

    private static AssetObject byId(String id) {
        return OBJECTS.stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> ApiException.jira(404, "The object "
                        + "with id " + id + " was not found"));
    }

    /** AQL conditions joined by AND; anything else is refused as Assets refuses AQL it cannot parse. */
    private static List<AssetObject> search(String aql) {
        Predicate<AssetObject> all = o -> true;
        for (String part : aql.split("(?i)\\s+AND\\s+")) {
            Matcher m = CONDITION.matcher(part);
            if (!m.matches()) {
                throw ApiException.jira(400, "AQL is not valid: could not parse '" + part.trim() + "'");
            }
            all = all.and(condition(m));
        }
        return OBJECTS.stream().filter(all).toList();
    }

    private static Predicate<AssetObject> condition(Matcher m) {
        if (m.group(4) != null) {
            String key = m.group(4).toUpperCase(Locale.ROOT);
            return o -> o.tickets().contains(key);
        }
        String field = m.group(1).toLowerCase(Locale.ROOT);
        boolean like = m.group(2).equalsIgnoreCase("like");
        String value = m.group(3).replace("\"", "").toLowerCase(Locale.ROOT);
        return o -> {
            String actual = switch (field) {
            case "objecttype" -> o.type();
            case "key" -> o.key();
            default -> o.label();
            };
            String lower = actual.toLowerCase(Locale.ROOT);
            return like ? lower.contains(value) : lower.equals(value);
        };
    }

    private ObjectNode object(AssetObject o) {
        ObjectNode json = Json.object().put("id", o.id()).put("label", o.label()).put("objectKey", o.key());
        if (flavour == Flavour.CLOUD) {
            json.put("workspaceId", WORKSPACE).put("globalId", WORKSPACE + ":" + o.id());
        }
        json.putObject("objectType").put("id", String.valueOf(o.type().hashCode() & 0xfff)).put("name", o.type());
        json.put("created", "2026-09-01T09:00:00.000Z").put("updated", "2026-11-20T14:30:00.000Z");
        ArrayNode attributes = json.putArray("attributes");
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (Attribute a : o.attributes()) {
            ObjectNode attribute = attributes.addObject().put("objectTypeAttributeId", String.valueOf(ids
                    .computeIfAbsent(a.name(), n -> 100 + ids.size())));
            attribute.putObject("objectTypeAttribute").put("name", a.name()).put("type", a.reference() == null ? 0 : 1);
            ObjectNode value = attribute.putArray("objectAttributeValues").addObject();
            Optional<AssetObject> referenced = Optional.ofNullable(a.reference()).map(AssetsCatalog::byId);
            if (referenced.isPresent()) {
                AssetObject ref = referenced.get();
                value.put("displayValue", ref.label());
                ObjectNode object = value.putObject("referencedObject").put("id", ref.id()).put("label", ref.label())
                        .put("objectKey", ref.key());
                object.putObject("objectType").put("name", ref.type());
            } else {
                value.put("value", a.value()).put("displayValue", a.value());
            }
        }
        json.putObject("_links").put("self", "/secure/insight/assets/" + o.key());
        return json;
    }
}

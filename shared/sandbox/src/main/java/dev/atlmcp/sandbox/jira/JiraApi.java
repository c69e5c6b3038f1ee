package dev.atlmcp.sandbox.jira;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * Jira's REST API for one site: Cloud (platform v3, {@code /search/jql} with {@code nextPageToken}, the old search
 * answering 410) or Data Center (v2, wiki markup, {@code startAt} search).
 */
public final class JiraApi {

    static final String REMOVED_SEARCH = "The requested API has been removed. Please migrate to the "
            + "/rest/api/3/search/jql API. A full migration guideline is available at "
            + "https://developer.atlassian.com/changelog/#CHANGE-2046";
    static final String NOT_VISIBLE = "Issue does not exist or you do not have permission to see it.";
    private static final int MAX_PAGE = 100;

    private final Flavour flavour;
    private final String baseUrl;
    private volatile JiraStore store;
    private final IssueJson json;

    public JiraApi(Flavour flavour, String baseUrl) {
        this.flavour = flavour;
        this.baseUrl = baseUrl;
        this.json = new IssueJson(flavour, baseUrl);
        reset();
    }

    /** Back to the seeded state. */
    public void reset() {
        store = JiraSeed.seeded(Instant.now());
    }

    public void register(Router router) {
        if (flavour == Flavour.CLOUD) {
            router.get("/rest/api/3/issue/{key}", this::getIssue);
            router.get("/rest/api/3/search/jql", r -> searchJql(r, r.param("jql").orElse(""),
                    r.param("nextPageToken").orElse(null), r.intParam("maxResults", 50), listParam(r, "fields"),
                    r.param("expand").orElse("")));
            router.post("/rest/api/3/search/jql", this::searchJqlPost);
            for (String removed : List.of("/rest/api/3/search", "/rest/api/2/search", "/rest/api/latest/search")) {
                router.get(removed, r -> removed());
                router.post(removed, r -> removed());
            }
            router.get("/rest/api/3/myself", r -> Response.ok(json.user(user(r))));
            router.get("/rest/api/3/user/search", r -> userSearch(r.param("query")));
            router.post("/rest/api/3/issue/{key}/comment", this::addComment);
            router.put("/rest/api/3/issue/{key}", this::editIssue);
            router.get("/rest/api/3/serverInfo", r -> serverInfo());
            router.get("/rest/api/3/field", r -> fields());
        } else {
            for (String version : List.of("2", "latest")) {
                String api = "/rest/api/" + version;
                router.get(api + "/issue/{key}", this::getIssue);
                router.get(api + "/search", r -> searchStartAt(r, r.param("jql").orElse(""), r.intParam("startAt", 0),
                        r.intParam("maxResults", 50), listParam(r, "fields"), r.param("expand").orElse("")));
                router.post(api + "/search", this::searchStartAtPost);
                router.get(api + "/myself", r -> Response.ok(json.user(user(r))));
                router.get(api + "/user/search", r -> userSearch(r.param("username")));
                router.post(api + "/issue/{key}/comment", this::addComment);
                router.put(api + "/issue/{key}", this::editIssue);
                router.get(api + "/serverInfo", r -> serverInfo());
                router.get(api + "/field", r -> fields());
            }
        }
    }

    /** Prefix match on any word of the display name, the email and (Data Center) the username. */
    private Response userSearch(Optional<String> query) {
        String text = query.map(String::trim).filter(q -> !q.isEmpty()).orElseThrow(() -> ApiException.badRequest(
                flavour == Flavour.CLOUD ? "The query parameter 'query' must be provided." : "The username query "
                        + "parameter was not provided"))
                .toLowerCase(java.util.Locale.ROOT);
        ArrayNode users = Json.array();
        Directory.all().stream().filter(u -> u.email().toLowerCase(java.util.Locale.ROOT).startsWith(text)
                || java.util.Arrays.stream(u.displayName().toLowerCase(java.util.Locale.ROOT).split(" ")).anyMatch(
                        w -> w.startsWith(text))
                || flavour == Flavour.DATACENTER && u.username().startsWith(text)).forEach(u -> users.add(
                        json.user(
                                u)));
        return Response.ok(users);
    }

    /** Cloud takes an ADF document as the body, Data Center wiki markup. */
    private Response addComment(Request r) {
        Issue issue = store.visibleIssue(r.pathParam("key"), user(r)).orElseThrow(() -> ApiException.notFound(
                NOT_VISIBLE));
        JsonNode body = r.json().path("body");
        Issue.Comment comment;
        if (flavour == Flavour.CLOUD) {
            if (!body.isObject() || !"doc".equals(body.path("type").asText()) || body.path("version").asInt() != 1
                    || !body.path("content").isArray()) {
                throw new ApiException(Response.json(400, ApiException.errorCollection(List.of(), java.util.Map.of(
                        "comment", "Comment body is not valid!"))));
            }
            String text = AdfToWiki.render(body);
            if (text.isBlank()) {
                throw emptyComment();
            }
            comment = new Issue.Comment(store.nextCommentId(), user(r), body, text, Instant.now());
        } else {
            if (!body.isTextual() || body.asText().isBlank()) {
                throw emptyComment();
            }
            comment = new Issue.Comment(store.nextCommentId(), user(r), WikiToAdf.convert(body.asText()), body
                    .asText(), Instant.now());
        }
        synchronized (store) {
            issue.comments.add(comment);
            issue.updated = Instant.now();
        }
        return Response.json(201, json.comment(issue, comment));
    }

    /** Edit an issue; the sandbox takes {@code update.labels} with {@code add} and {@code remove} operations. */
    private Response editIssue(Request r) {
        Issue issue = store.visibleIssue(r.pathParam("key"), user(r)).orElseThrow(() -> ApiException.notFound(
                NOT_VISIBLE));
        JsonNode body = r.json();
        java.util.Iterator<String> names = body.path("update").fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!field.equals("labels")) {
                throw new ApiException(Response.json(400, ApiException.errorCollection(List.of(), java.util.Map.of(
                        field, "Field '" + field + "' cannot be set. It is not on the appropriate screen, or "
                                + "unknown."))));
            }
        }
        synchronized (store) {
            for (JsonNode operation : body.path("update").path("labels")) {
                String added = operation.path("add").asText("");
                if (!added.isEmpty() && !issue.labels.contains(added)) {
                    issue.labels.add(added);
                }
                issue.labels.remove(operation.path("remove").asText(""));
            }
            issue.updated = Instant.now();
        }
        return Response.noContent();
    }

    private static ApiException emptyComment() {
        return new ApiException(Response.json(400, ApiException.errorCollection(List.of(), java.util.Map.of(
                "comment", "Comment body can not be empty!"))));
    }

    private Response getIssue(Request r) {
        Issue issue = store.visibleIssue(r.pathParam("key"), user(r)).orElseThrow(() -> ApiException.notFound(
                NOT_VISIBLE));
        List<String> requested = listParam(r, "fields");
        Set<String> fields = IssueJson.selectFields(requested.isEmpty() ? List.of("*all") : requested);
        return Response.ok(json.issue(issue, fields, r.param("expand").orElse("").contains("names")));
    }

    private Response searchJqlPost(Request r) {
        JsonNode body = r.json();
        return searchJql(r, body.path("jql").asText(""), body.path("nextPageToken").asText(null),
                body.path("maxResults").asInt(50), textList(body.path("fields")), body.path("expand").asText(""));
    }

    private Response searchJql(Request r, String jql, String pageToken, int maxResults, List<String> fields,
            String expand) {
        Jql.Query query = Jql.parse(jql, new Jql.Context(user(r), Instant.now(), store));
        if (!query.bounded()) {
            throw ApiException.badRequest("Unbounded JQL queries are not allowed here. Please add a search "
                    + "restriction to your query.");
        }
        List<Issue> matches = matches(r, query);
        int offset = pageToken == null || pageToken.isEmpty() ? 0 : decodeToken(pageToken, jql);
        int size = Math.max(1, Math.min(maxResults, MAX_PAGE));
        int end = Math.min(matches.size(), offset + size);
        ObjectNode result = Json.object();
        ArrayNode issues = result.putArray("issues");
        Set<String> selected = IssueJson.selectFields(fields);
        for (Issue issue : matches.subList(Math.min(offset, end), end)) {
            issues.add(selected.isEmpty() ? Json.object().put("id", issue.id)
                    : json.issue(issue, selected, false));
        }
        if (end < matches.size()) {
            result.put("nextPageToken", encodeToken(end, jql));
        }
        result.put("isLast", end >= matches.size());
        if (expand.contains("names")) {
            ObjectNode names = result.putObject("names");
            selected.forEach(f -> names.put(f, IssueJson.displayName(f)));
        }
        return Response.ok(result);
    }

    private Response searchStartAtPost(Request r) {
        JsonNode body = r.json();
        return searchStartAt(r, body.path("jql").asText(""), body.path("startAt").asInt(0),
                body.path("maxResults").asInt(50), textList(body.path("fields")), body.path("expand").asText(""));
    }

    private Response searchStartAt(Request r, String jql, int startAt, int maxResults, List<String> fields,
            String expand) {
        Jql.Query query = Jql.parse(jql, new Jql.Context(user(r), Instant.now(), store));
        List<Issue> matches = matches(r, query);
        int size = Math.max(0, Math.min(maxResults, 1000));
        int from = Math.max(0, Math.min(startAt, matches.size()));
        int end = Math.min(matches.size(), from + size);
        Set<String> selected = IssueJson.selectFields(fields.isEmpty() ? List.of("*navigable") : fields);
        ObjectNode result = Json.object().put("expand", "names,schema").put("startAt", from)
                .put("maxResults", size).put("total", matches.size());
        ArrayNode issues = result.putArray("issues");
        matches.subList(from, end).forEach(issue -> issues.add(json.issue(issue, selected, false)));
        if (expand.contains("names")) {
            ObjectNode names = result.putObject("names");
            selected.forEach(f -> names.put(f, IssueJson.displayName(f)));
        }
        return Response.ok(result);
    }

    private List<Issue> matches(Request r, Jql.Query query) {
        List<Issue> matches = new ArrayList<>(store.visibleIssues(user(r)).stream().filter(query.where()).toList());
        matches.sort(query.order());
        return matches;
    }

    private Response removed() {
        throw ApiException.jira(410, REMOVED_SEARCH);
    }

    private Response serverInfo() {
        return Response.ok(Json.object().put("baseUrl", baseUrl).put("version",
                flavour == Flavour.CLOUD ? "1001.0.0-SNAPSHOT" : "9.12.15")
                .put("deploymentType", flavour == Flavour.CLOUD ? "Cloud" : "Server")
                .put("serverTitle", "Sandbox Jira"));
    }

    private Response fields() {
        ArrayNode fields = Json.array();
        for (String id : IssueJson.allFieldIds()) {
            boolean custom = id.startsWith("customfield_");
            ObjectNode field = fields.addObject().put("id", id).put("key", id).put("name", IssueJson.displayName(id))
                    .put("custom", custom).put("navigable", true).put("searchable", true);
            if (custom) {
                field.putObject("schema").put("type", JiraStore.CUSTOM_FIELDS.get(id)[1]).put("customId",
                        Long.parseLong(id.substring("customfield_".length())));
            }
        }
        return Response.ok(fields);
    }

    private static SandboxUser user(Request r) {
        return (SandboxUser) r.principal();
    }

    private static List<String> listParam(Request r, String name) {
        return r.query().getOrDefault(name, List.of());
    }

    private static List<String> textList(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (node.isTextual()) {
            values.add(node.asText());
        }
        return values;
    }

    private static String encodeToken(int offset, String jql) {
        String raw = offset + ":" + Integer.toHexString(jql.hashCode());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeToken(String token, String jql) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(":");
            if (parts.length == 2 && parts[1].equals(Integer.toHexString(jql.hashCode()))) {
                return Integer.parseInt(parts[0]);
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ApiException.badRequest("The provided next page token is invalid or expired.");
    }
}

package dev.atlmcp.sandbox.jira;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
    private final VersionEndpoints versions;
    private final EditValidation editor;
    private final Workflow workflow;

    public JiraApi(Flavour flavour, String baseUrl) {
        this.flavour = flavour;
        this.baseUrl = baseUrl;
        this.json = new IssueJson(flavour, baseUrl);
        this.versions = new VersionEndpoints(flavour, baseUrl, () -> store);
        this.editor = new EditValidation(flavour);
        this.workflow = new Workflow(flavour);
        reset();
    }

    private volatile Duration searchLag = Duration.ZERO;

    /** Back to the seeded state. */
    public void reset() {
        searchLag = Duration.ZERO;
        store = JiraSeed.seeded(Instant.now());
    }

    /** Assets on the API gateway's own host ({@code /jsm/assets}); Cloud only. */
    public void registerAssetsGateway(Router router) {
        new AssetsCatalog(flavour).registerGateway(router, "");
    }

    public void register(Router router) {
        new Agile(() -> store, json, Instant.now()).register(router);
        new DevStatus(flavour, () -> store).register(router);
        new ServiceDesk(flavour, () -> store, json).register(router);
        new AssetsCatalog(flavour).register(router);
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
            registerCommon(router, "/rest/api/3");
        } else {
            for (String version : List.of("2", "latest")) {
                String api = "/rest/api/" + version;
                router.get(api + "/issue/{key}", this::getIssue);
                router.get(api + "/search", r -> searchStartAt(r, r.param("jql").orElse(""), r.intParam("startAt", 0),
                        r.intParam("maxResults", 50), listParam(r, "fields"), r.param("expand").orElse("")));
                router.post(api + "/search", this::searchStartAtPost);
                router.get(api + "/myself", r -> Response.ok(json.user(user(r))));
                router.get(api + "/user/search", r -> userSearch(r.param("username")));
                registerCommon(router, api);
            }
        }
    }

    /** Resources whose contract is the same in v2 and v3. */
    private void registerCommon(Router router, String api) {
        new IssueExtras(flavour, this::visible, this::workable, () -> store, json).register(router, api);
        router.post(api + "/issue/{key}/comment", this::addComment);
        router.get(api + "/issue/{key}/comment", r -> {
            Issue issue = visible(r);
            ObjectNode all = json.comments(issue);
            int start = Math.max(0, r.intParam("startAt", 0));
            int max = Math.max(1, Math.min(100, r.intParam("maxResults", 50)));
            ArrayNode page = Json.array();
            for (int i = start; i < Math.min(start + max, all.path("comments").size()); i++) {
                page.add(all.path("comments").get(i));
            }
            ObjectNode result = Json.object().put("startAt", start).put("maxResults", max).put("total", all.path(
                    "comments").size());
            result.set("comments", page);
            return Response.ok(result);
        });
        router.get(api + "/issue/{key}/comment/{id}", r -> Response.ok(json.comment(visible(r), comment(r))));
        router.put(api + "/issue/{key}/comment/{id}", this::editComment);
        router.delete(api + "/issue/{key}/comment/{id}", this::deleteComment);
        router.put(api + "/issue/{key}", this::editIssue);
        router.post(api + "/issue", this::createIssue);
        if (flavour == Flavour.CLOUD) {
            router.get(api + "/issue/{key}/changelog", r -> {
                Issue issue = visible(r);
                ArrayNode all = changelog(issue);
                int start = Math.max(0, r.intParam("startAt", 0));
                int max = Math.max(1, Math.min(100, r.intParam("maxResults", 100)));
                ArrayNode values = Json.array();
                for (int i = start; i < Math.min(all.size(), start + max); i++) {
                    values.add(all.get(i));
                }
                ObjectNode page = Json.object().put("startAt", start).put("maxResults", max).put("total", all.size())
                        .put("isLast", start + max >= all.size());
                page.set("values", values);
                return Response.ok(page);
            });
        }
        router.get(api + "/issueLinkType", r -> {
            ArrayNode types = Json.array();
            store.linkTypes.forEach(t -> types.addObject().put("id", t.id()).put("name", t.name()).put("inward", t
                    .inward()).put("outward", t.outward()));
            return Response.ok(Json.object().set("issueLinkTypes", types));
        });
        router.post(api + "/issueLink", this::linkIssues);
        // the attachment resource answers its id as a number (AttachmentMetadata), issue fields as a string
        router.get(api + "/attachment/{id}", r -> Response.ok(json.attachment(attachment(r)).put("id", Long.parseLong(
                attachment(r).id()))));
        if (flavour == Flavour.CLOUD) {
            router.get(api + "/attachment/content/{id}", r -> {
                Issue.Attachment a = attachment(r);
                return Response.bytes(a.content(), a.mimeType());
            });
        } else {
            // Data Center serves files outside its REST API, at the address the attachment's content link names.
            router.get("/secure/attachment/{id}/{filename}", r -> {
                Issue.Attachment a = attachment(r);
                String name = java.net.URLDecoder.decode(r.pathParam("filename").replace("+", "%2B"),
                        StandardCharsets.UTF_8);
                if (!a.filename().equals(name)) {
                    throw ApiException.notFound("The attachment with id '" + a.id() + "' is not named " + name);
                }
                return Response.bytes(a.content(), a.mimeType());
            });
        }
        if (flavour == Flavour.CLOUD) {
            router.get(api + "/project/search", r -> {
                ArrayNode values = projects(r);
                return Response.ok(Json.object().put("startAt", 0).put("maxResults", 50).put("total", values.size())
                        .put("isLast", true).set("values", values));
            });
        } else {
            router.get(api + "/project", r -> Response.ok(projects(r)));
        }
        router.get(api + "/project/{key}", this::project);
        router.get(api + "/project/{key}/version", this::projectVersions);
        versions.register(router, api);
        router.delete(api + "/issueLink/{id}", r -> {
            Issue.Link link = store.linkById(r.pathParam("id")).filter(l -> l.outward().project.visibleTo(user(r)))
                    .orElseThrow(() -> ApiException.notFound("No issue link with id '" + r.pathParam("id")
                            + "' exists."));
            store.unlink(link);
            return Response.noContent();
        });
        router.get(api + "/issue/{key}/transitions", r -> {
            Issue issue = visible(r);
            return Response.ok(issue.project.workableBy(user(r)) ? workflow.transitions(issue, r.param("expand")
                    .orElse("").contains("transitions.fields")) : Json.object().set("transitions", Json.array()));
        });
        router.post(api + "/issue/{key}/transitions", r -> {
            workflow.transition(workable(r), r.json(), user(r), store);
            return Response.noContent();
        });
        router.get(api + "/issue/createmeta/{project}/issuetypes", this::createMetaTypes);
        router.get(api + "/issue/createmeta/{project}/issuetypes/{type}", this::createMetaFields);
        router.get(api + "/issue/{key}/editmeta", r -> Response.ok(Json.object().set("fields", editMeta(r))));
        router.get(api + "/issue/{key}/properties/{property}", this::getProperty);
        router.put(api + "/issue/{key}/properties/{property}", this::putProperty);
        router.delete(api + "/issue/{key}/properties/{property}", r -> {
            synchronized (store) {
                workable(r).properties.remove(r.pathParam("property"));
            }
            return Response.noContent();
        });
        router.get(api + "/user/properties/{property}", this::getUserProperty);
        router.put(api + "/user/properties/{property}", this::putUserProperty);
        router.get(api + "/serverInfo", r -> serverInfo());
        router.get(api + "/field", r -> fields());
    }

    /**
     * {@code {"type": {"name"|"id"}, "inwardIssue": {"key"}, "outwardIssue": {"key"}}}: the inward issue is the one the
     * type's outward phrase is said of ("A blocks B" is inwardIssue A, outwardIssue B).
     */
    private Response linkIssues(Request r) {
        JsonNode body = r.json();
        JsonNode type = body.path("type");
        Issue.LinkType linkType = store.linkTypes.stream().filter(t -> t.name().equalsIgnoreCase(type.path("name")
                .asText()) || t.id().equals(type.path("id").asText())).findFirst().orElseThrow(() -> ApiException
                        .notFound("No issue link type with name '" + type.path("name").asText() + "' found."));
        Issue from = store.visibleIssue(body.path("inwardIssue").path("key").asText(""), user(r)).orElseThrow(
                () -> ApiException.notFound("Issue Does Not Exist"));
        Issue to = store.visibleIssue(body.path("outwardIssue").path("key").asText(""), user(r)).orElseThrow(
                () -> ApiException.notFound("Issue Does Not Exist"));
        from.project.requireWorker(user(r));
        to.project.requireWorker(user(r));
        store.link(linkType.name(), from, to);
        return Response.json(201, Json.object());
    }

    private ArrayNode projects(Request r) {
        ArrayNode values = Json.array();
        store.projects().stream().filter(p -> p.visibleTo(user(r))).forEach(p -> values.addObject().put("id", p.id())
                .put("key", p.key()).put("name", p.name()).put("projectTypeKey", p.typeKey()));
        return values;
    }

    /** A project with its lead, issue types, and the components and versions its issues use. */
    private Response project(Request r) {
        Project project = visibleProject(r, r.pathParam("key"));
        ObjectNode json = Json.object().put("id", project.id()).put("key", project.key()).put("name", project.name())
                .put("projectTypeKey", project.typeKey()).put("description", "");
        json.set("lead", this.json.user(project.lead()));
        ArrayNode types = json.putArray("issueTypes");
        JiraStore.TYPES.forEach(t -> types.addObject().put("id", String.valueOf(10000 + JiraStore.TYPES.indexOf(t)))
                .put("name", t).put("subtask", t.equals("Sub-task")));
        List<Issue> issues = store.visibleIssues(user(r)).stream().filter(i -> i.project.equals(project)).toList();
        ArrayNode components = json.putArray("components");
        issues.stream().flatMap(i -> i.components.stream()).distinct().sorted().forEach(c -> components.addObject()
                .put("id", String.valueOf(Math.abs(c.hashCode() % 100000))).put("name", c));
        ArrayNode versions = json.putArray("versions");
        store.versions(project).forEach(v -> versions.add(this.versions.json(v)));
        return Response.ok(json);
    }

    /**
     * A project's versions a page at a time: {@code status} a comma-separated mix of released, unreleased and archived
     * (all when absent), {@code orderBy} name, releaseDate or sequence, with {@code -} for descending.
     */
    private Response projectVersions(Request r) {
        Project project = visibleProject(r, r.pathParam("key"));
        Set<String> statuses = new java.util.HashSet<>();
        listParam(r, "status").forEach(s -> statuses.addAll(List.of(s.split(","))));
        statuses.removeIf(String::isBlank);
        List<JiraStore.Version> all = new ArrayList<>(store.versions(project).stream().filter(v -> statuses
                .isEmpty() || statuses.contains(v.archived() ? "archived" : v.released() ? "released" : "unreleased"))
                .toList());
        String order = r.param("orderBy").orElse("sequence");
        java.util.Comparator<JiraStore.Version> by = switch (order.replaceFirst("^[-+]", "")) {
        case "name" -> java.util.Comparator.comparing(JiraStore.Version::name);
        case "releaseDate" -> java.util.Comparator.comparing(v -> v.releaseDate() == null ? "9999" : v.releaseDate());
        case "sequence" -> java.util.Comparator.comparing(v -> 0);
        default -> throw ApiException.badRequest("Invalid orderBy: " + order);
        };
        all.sort(order.startsWith("-") ? by.reversed() : by);
        int start = Math.max(0, r.intParam("startAt", 0));
        int max = Math.max(1, Math.min(MAX_PAGE, r.intParam("maxResults", 50)));
        ArrayNode values = Json.array();
        all.stream().skip(start).limit(max).forEach(v -> values.add(versions.json(v)));
        ObjectNode page = Json.object().put("self", baseUrl + r.path()).put("maxResults", max).put("startAt", start)
                .put("total", all.size()).put("isLast", start + max >= all.size());
        page.set("values", values);
        return Response.ok(page);
    }

    private Issue.Attachment attachment(Request r) {
        String id = r.pathParam("id");
        return store.visibleIssues(user(r)).stream().flatMap(i -> i.attachments.stream()).filter(a -> a.id().equals(
                id)).findFirst().orElseThrow(() -> ApiException.notFound("The attachment with id '" + id + "' does not "
                        + "exist"));
    }

    /** The issue's history, oldest first, as Jira's changelog entries (system fields by id, custom ones by name). */
    private ArrayNode changelog(Issue issue) {
        ArrayNode entries = Json.array();
        synchronized (store) {
            for (Issue.History h : issue.history) {
                ObjectNode entry = entries.addObject().put("id", h.id()).put("created", IssueJson.time(h.created()));
                entry.set("author", json.user(h.author()));
                ArrayNode items = entry.putArray("items");
                for (String[] item : h.items()) {
                    items.addObject().put("field", item[0].startsWith("customfield_") ? IssueJson.displayName(item[0])
                            : item[0]).put("fieldId", item[0]).put("fieldtype", item[0]
                                    .startsWith("customfield_") ? "custom" : "jira")
                            .put("fromString", item[1]).put(
                                    "toString", item[2]);
                }
            }
        }
        return entries;
    }

    private Project visibleProject(Request r, String keyOrId) {
        return store.project(keyOrId).filter(p -> p.visibleTo(user(r))).orElseThrow(() -> ApiException.notFound(
                "No project could be found with key '" + keyOrId + "'."));
    }

    private Response createIssue(Request r) {
        JsonNode body = r.json();
        JsonNode project = body.path("fields").path("project");
        if (project.isMissingNode()) {
            throw new ApiException(Response.json(400, ApiException.errorCollection(List.of(), Map.of("project",
                    "Specify a valid project ID or key"))));
        }
        Project target = visibleProject(r, project.path("key").asText(project.path("id").asText()));
        target.requireWorker(user(r));
        Issue issue = editor.create(target, body, user(r), store);
        return Response.json(201, Json.object().put("id", issue.id).put("key", issue.key).put("self", baseUrl
                + (flavour == Flavour.CLOUD ? "/rest/api/3" : "/rest/api/2") + "/issue/" + issue.id));
    }

    /** Cloud pages the list under {@code issueTypes} and {@code fields}; Data Center under {@code values}. */
    private Response createMetaTypes(Request r) {
        boolean mayCreate = visibleProject(r, r.pathParam("project")).workableBy(user(r));
        ArrayNode types = Json.array();
        for (String type : mayCreate ? JiraStore.TYPES : List.<String> of()) {
            types.addObject().put("id", String.valueOf(10000 + JiraStore.TYPES.indexOf(type))).put("name", type).put(
                    "subtask", type.equals("Sub-task"));
        }
        return Response.ok(page(types, flavour == Flavour.CLOUD ? "issueTypes" : "values"));
    }

    private Response createMetaFields(Request r) {
        visibleProject(r, r.pathParam("project"));
        String type = JiraStore.TYPES.stream().filter(t -> String.valueOf(10000 + JiraStore.TYPES.indexOf(t)).equals(
                r.pathParam("type"))).findFirst().orElseThrow(() -> ApiException.badRequest(
                        "The issue type ID is invalid."));
        ArrayNode fields = Json.array();
        editor.createMeta(type).fields().forEachRemaining(f -> fields.add(((ObjectNode) f.getValue()).put("fieldId",
                f.getKey())));
        return Response.ok(page(fields, flavour == Flavour.CLOUD ? "fields" : "values"));
    }

    private static ObjectNode page(ArrayNode values, String name) {
        ObjectNode page = Json.object().put("startAt", 0).put("maxResults", 200).put("total", values.size());
        page.set(name, values);
        return page;
    }

    private Issue visible(Request r) {
        return store.visibleIssue(r.pathParam("key"), user(r)).orElseThrow(() -> ApiException.notFound(NOT_VISIBLE));
    }

    /** An issue the caller may see and change: 404 when not visible, 403 when only visible. */
    private Issue workable(Request r) {
        Issue issue = visible(r);
        issue.project.requireWorker(user(r));
        return issue;
    }

    /** The edit screen; empty for someone who may not edit the issue, as Jira answers. */
    private JsonNode editMeta(Request r) {
        return visible(r).project.workableBy(user(r)) ? editor.editMeta() : Json.object();
    }

    private Issue.Comment comment(Request r) {
        Issue issue = visible(r);
        synchronized (store) {
            return issue.comments.stream().filter(
                    c -> c.id().equals(r.pathParam("id")) && (c.role() == null || issue.project.lead().equals(user(r))))
                    .findFirst().orElseThrow(() -> ApiException.notFound(
                            "Can not find a comment for the id: " + r.pathParam("id") + "."));
        }
    }

    /** Authors edit their own comments; the project lead any. */
    private Response editComment(Request r) {
        Issue issue = workable(r);
        Issue.Comment comment = comment(r);
        requireAuthorOrLead(issue, comment, user(r), "edit");
        Issue.Comment edited = commentBody(r.json().path("body"), (adf, wiki) -> comment.edited(adf, wiki, Instant
                .now()));
        synchronized (store) {
            issue.comments.set(issue.comments.indexOf(comment), edited);
            issue.updated = Instant.now();
        }
        return Response.ok(json.comment(issue, edited));
    }

    private Response deleteComment(Request r) {
        Issue issue = workable(r);
        Issue.Comment comment = comment(r);
        requireAuthorOrLead(issue, comment, user(r), "delete");
        synchronized (store) {
            issue.comments.remove(comment);
            issue.updated = Instant.now();
        }
        return Response.noContent();
    }

    private static void requireAuthorOrLead(Issue issue, Issue.Comment comment, SandboxUser user, String action) {
        if (!comment.author().equals(user) && !issue.project.lead().equals(user)) {
            throw ApiException.jira(403, "You do not have the permission to " + action + " this comment.");
        }
    }

    private Response getProperty(Request r) {
        Issue issue = visible(r);
        String key = r.pathParam("property");
        JsonNode value;
        synchronized (store) {
            value = issue.properties.get(key);
        }
        if (value == null) {
            throw ApiException.notFound("The property with key '" + key + "' does not exist.");
        }
        return Response.ok(Json.object().put("key", key).set("value", value));
    }

    private Response putProperty(Request r) {
        Issue issue = workable(r);
        JsonNode value = propertyValue(r);
        JsonNode previous;
        synchronized (store) {
            previous = issue.properties.put(r.pathParam("property"), value);
        }
        return Response.json(previous == null ? 201 : 200, Json.object());
    }

    /** Only the caller's own properties: the sandbox has no Jira administrators. */
    private Map<String, JsonNode> ownUserProperties(Request r) {
        SandboxUser me = user(r);
        Optional<String> target = r.param(flavour == Flavour.CLOUD ? "accountId" : "username");
        if (target.isPresent() && !target.get().equals(flavour == Flavour.CLOUD ? me.accountId() : me.username())) {
            throw ApiException.jira(403, "You do not have permission to access the properties of this user.");
        }
        synchronized (store) {
            return store.userProperties.computeIfAbsent(me.accountId(), k -> new java.util.LinkedHashMap<>());
        }
    }

    private Response getUserProperty(Request r) {
        Map<String, JsonNode> properties = ownUserProperties(r);
        String key = r.pathParam("property");
        JsonNode value;
        synchronized (store) {
            value = properties.get(key);
        }
        if (value == null) {
            throw ApiException.notFound("The property with key '" + key + "' does not exist.");
        }
        return Response.ok(Json.object().put("key", key).set("value", value));
    }

    private Response putUserProperty(Request r) {
        Map<String, JsonNode> properties = ownUserProperties(r);
        JsonNode value = propertyValue(r);
        JsonNode previous;
        synchronized (store) {
            previous = properties.put(r.pathParam("property"), value);
        }
        return Response.json(previous == null ? 201 : 200, Json.object());
    }

    private static JsonNode propertyValue(Request r) {
        JsonNode value = r.json();
        if (r.bodyText().length() > EditValidation.MAX_PROPERTY) {
            throw ApiException.badRequest("The property value must not exceed " + EditValidation.MAX_PROPERTY
                    + " characters.");
        }
        return value;
    }

    /** Prefix match on the display name or any word of it, the email and (Data Center) the username. */
    private Response userSearch(Optional<String> query) {
        String text = query.map(String::trim).filter(q -> !q.isEmpty()).orElseThrow(() -> ApiException.badRequest(
                flavour == Flavour.CLOUD ? "The query parameter 'query' must be provided." : "The username query "
                        + "parameter was not provided"))
                .toLowerCase(java.util.Locale.ROOT);
        ArrayNode users = Json.array();
        Directory.all().stream().filter(u -> u.email().toLowerCase(java.util.Locale.ROOT).startsWith(text)
                || u.displayName().toLowerCase(java.util.Locale.ROOT).startsWith(text)
                || java.util.Arrays.stream(u.displayName().toLowerCase(java.util.Locale.ROOT).split(" ")).anyMatch(
                        w -> w.startsWith(text))
                || flavour == Flavour.DATACENTER && u.username().startsWith(text)).forEach(u -> users.add(
                        json.user(
                                u)));
        return Response.ok(users);
    }

    private Response addComment(Request r) {
        Issue issue = workable(r);
        SandboxUser author = user(r);
        Issue.Comment comment = commentBody(r.json().path("body"), (adf, wiki) -> new Issue.Comment(store
                .nextCommentId(), author, adf, wiki, Instant.now()));
        synchronized (store) {
            issue.comments.add(comment);
            issue.updated = Instant.now();
        }
        return Response.json(201, json.comment(issue, comment));
    }

    /** Cloud takes an ADF document as the body, Data Center wiki markup. */
    private Issue.Comment commentBody(JsonNode body,
            java.util.function.BiFunction<JsonNode, String, Issue.Comment> comment) {
        if (flavour == Flavour.CLOUD) {
            if (!body.isObject() || !"doc".equals(body.path("type").asText()) || body.path("version").asInt() != 1
                    || !body.path("content").isArray()) {
                throw new ApiException(Response.json(400, ApiException.errorCollection(List.of(), Map.of(
                        "comment", "Comment body is not valid!"))));
            }
            String text = AdfToWiki.render(body);
            if (text.isBlank()) {
                throw emptyComment();
            }
            return comment.apply(body, text);
        }
        if (!body.isTextual() || body.asText().isBlank()) {
            throw emptyComment();
        }
        return comment.apply(WikiToAdf.convert(body.asText()), body.asText());
    }

    /** Edit an issue's fields, with {@code fields}, {@code update} operations and {@code properties}. */
    private Response editIssue(Request r) {
        editor.edit(workable(r), r.json(), store, user(r));
        return Response.noContent();
    }

    private static ApiException emptyComment() {
        return new ApiException(Response.json(400, ApiException.errorCollection(List.of(), Map.of(
                "comment", "Comment body can not be empty!"))));
    }

    private Response getIssue(Request r) {
        Issue issue = visible(r);
        List<String> requested = listParam(r, "fields");
        Set<String> fields = json.selectFields(requested.isEmpty() ? List.of("*all") : requested);
        String expand = r.param("expand").orElse("");
        ObjectNode result = json.issue(issue, fields, expand.contains("names"));
        if (expand.contains("changelog")) {
            ArrayNode histories = changelog(issue);
            result.putObject("changelog").put("startAt", 0).put("maxResults", histories.size()).put("total", histories
                    .size()).set("histories", histories);
        }
        if (expand.contains("editmeta")) {
            result.putObject("editmeta").set("fields", editMeta(r));
        }
        List<String> properties = listParam(r, "properties").stream().flatMap(p -> java.util.Arrays.stream(p.split(
                ","))).toList();
        if (!properties.isEmpty()) {
            ObjectNode values = result.putObject("properties");
            synchronized (store) {
                issue.properties.forEach((k, v) -> {
                    if (properties.contains("*all") || properties.contains(k)) {
                        values.set(k, v);
                    }
                });
            }
        }
        return Response.ok(result);
    }

    private Response searchJqlPost(Request r) {
        JsonNode body = r.json();
        return searchJql(r, body.path("jql").asText(""), body.path("nextPageToken").asText(null),
                body.path("maxResults").asInt(50), textList(body.path("fields")), body.path("expand").asText(""));
    }

    private Response searchJql(Request r, String jql, String pageToken, int maxResults, List<String> fields,
            String expand) {
        Jql.Query query = Jql.parse(jql, new Jql.Context(user(r), Instant.now(), store, flavour == Flavour.DATACENTER));
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
        Set<String> selected = json.selectFields(fields);
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
        Jql.Query query = Jql.parse(jql, new Jql.Context(user(r), Instant.now(), store, flavour == Flavour.DATACENTER));
        List<Issue> matches = matches(r, query);
        int size = Math.max(0, Math.min(maxResults, 1000));
        int from = Math.max(0, Math.min(startAt, matches.size()));
        int end = Math.min(matches.size(), from + size);
        Set<String> selected = json.selectFields(fields.isEmpty() ? List.of("*navigable") : fields);
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

    /**
     * How long a new issue stays out of search results, as Jira's search index lags behind writes (its API description
     * points to {@code reconcileIssues} for reads after writes); 0 by default.
     */
    public void searchLag(Duration lag) {
        searchLag = lag;
    }

    private List<Issue> matches(Request r, Jql.Query query) {
        Instant indexed = Instant.now().minus(searchLag);
        List<Issue> matches = new ArrayList<>(store.visibleIssues(user(r)).stream().filter(i -> searchLag.isZero()
                || i.created.isBefore(indexed)).filter(query.where()).toList());
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
        for (String id : json.allFieldIds()) {
            boolean custom = id.startsWith("customfield_");
            ObjectNode field = fields.addObject().put("id", id).put("key", id).put("name", IssueJson.displayName(id))
                    .put("custom", custom).put("navigable", true).put("searchable", true);
            if (custom) {
                String[] spec = JiraStore.CUSTOM_FIELDS.get(id);
                ObjectNode schema = field.putObject("schema").put("type", spec == null ? "any" : spec[1]).put(
                        "customId", Long.parseLong(id.substring("customfield_".length())));
                if (id.equals(JiraStore.EPIC_LINK)) {
                    schema.put("custom", "com.pyxis.greenhopper.jira:gh-epic-link");
                }
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

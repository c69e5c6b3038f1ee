package dev.atlmcp.sandbox.confluence;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.adf.AdfToStorage;
import dev.atlmcp.adf.StorageToAdf;
import dev.atlmcp.sandbox.Flavour;
import dev.atlmcp.sandbox.MediaHost;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.ApiException;
import dev.atlmcp.sandbox.http.Json;
import dev.atlmcp.sandbox.http.Request;
import dev.atlmcp.sandbox.http.Response;
import dev.atlmcp.sandbox.http.Router;

/**
 * Confluence's REST API for one site: Cloud (v2 pages and spaces under {@code /wiki/api/v2}, v1 CQL search under
 * {@code /wiki/rest/api} with cursors) or Data Center (v1 under {@code /rest/api}, storage format, {@code start}
 * offsets).
 */
public final class ConfluenceApi {

    private static final int MAX_SEARCH = 100;
    private static final DateTimeFormatter FRIENDLY = DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Flavour flavour;
    private final String siteUrl;
    private final String context;
    private final MediaHost media;
    private volatile ConfluenceStore store;

    /**
     * @param siteUrl
     *            the Confluence base URL: {@code https://site/wiki} on Cloud, the context root on Data Center
     * @param context
     *            the context path, {@code /wiki} on Cloud
     * @param media
     *            where Cloud redirects attachment downloads; null on Data Center
     */
    public ConfluenceApi(Flavour flavour, String siteUrl, String context, MediaHost media) {
        this.flavour = flavour;
        this.media = media;
        this.siteUrl = siteUrl;
        this.context = context;
        reset();
    }

    public void reset() {
        store = ConfluenceSeed.seeded(flavour, Instant.now());
    }

    public void register(Router router) {
        AttachmentEndpoints attachments = new AttachmentEndpoints(flavour, () -> store, media);
        if (flavour == Flavour.CLOUD) {
            router.get("/wiki/api/v2/pages/{id}", r -> contentV2(r, (id, u) -> store.visiblePage(id, u)));
            router.get("/wiki/api/v2/blogposts/{id}", r -> contentV2(r, (id, u) -> store.visibleBlogPost(id, u)));
            router.get("/wiki/api/v2/spaces/{id}", this::spaceV2);
            router.get("/wiki/rest/api/search", this::search);
            router.get("/wiki/rest/api/search/user", this::userSearch);
            router.get("/wiki/rest/api/user/current", this::currentUser);
            router.post("/wiki/api/v2/footer-comments", this::addFooterComment);
            router.get("/wiki/api/v2/footer-comments/{id}", r -> {
                Page page = store.pageOfComment(r.pathParam("id"), user(r)).orElseThrow(() -> v2Error(404,
                        "NOT_FOUND", "Not Found", null));
                return Response.ok(Json.object().put("id", r.pathParam("id")).put("status", "current").put("pageId",
                        page.id));
            });
            router.delete("/wiki/api/v2/footer-comments/{id}", r -> deleteComment(r, () -> v2Error(404, "NOT_FOUND",
                    "Not Found", null)));
            new PageWrites(flavour, () -> store).register(router, "/wiki");
        } else {
            router.get("/rest/api/content/{id}", this::contentV1);
            router.get("/rest/api/search", this::search);
            router.get("/rest/api/user/current", this::currentUser);
            router.post("/rest/api/content", this::createContentV1);
            router.get("/rest/api/content/{id}/child/comment", this::childComments);
            // one resource for every kind of content: comments and attachments here
            router.delete("/rest/api/content/{id}", r -> attachments.isAttachment(r.pathParam("id")) ? attachments
                    .delete(r)
                    : deleteComment(r, () -> Cql.error(404, "Not Found", "No content found with id: "
                            + "ContentId{id=" + r.pathParam("id") + "}")));
            new PageWrites(flavour, () -> store).register(router, "");
        }
        new ContentRestrictions(flavour, () -> store).register(router, flavour == Flavour.CLOUD ? "/wiki" : "");
        new PageMoves(flavour, () -> store).register(router);
        new PageTree(flavour, () -> store).register(router);
        new VersionEndpoints(flavour, () -> store).register(router);
        new PageComments(flavour, () -> store).register(router);
        attachments.register(router);
    }

    /** Cloud v2: {@code {"pageId", "body": {"representation": "atlas_doc_format" | "storage", "value"}}}. */
    private Response addFooterComment(Request r) {
        JsonNode request = r.json();
        String parent = request.path("parentCommentId").asText(null);
        Page page = (parent != null ? store.pageOfComment(parent, user(r)) : store.visiblePage(request.path("pageId")
                .asText(""), user(r))).orElseThrow(() -> v2Error(404, "NOT_FOUND", "Not Found", null));
        page.space.requireEditor(user(r), true);
        String representation = request.path("body").path("representation").asText("");
        String value = request.path("body").path("value").asText("");
        JsonNode adf;
        try {
            adf = switch (representation) {
            case "atlas_doc_format" -> Json.MAPPER.readTree(value);
            case "storage" -> StorageToAdf.convert(value);
            default -> throw v2Error(400, "INVALID_REQUEST_PARAMETER", "Bad Request", "Provided value {"
                    + representation + "} for 'representation' is not the correct type.");
            };
        } catch (java.io.IOException e) {
            throw v2Error(400, "INVALID_MESSAGE", "Bad Request", "The comment body is not valid ADF.");
        }
        if (!adf.path("content").isArray() || adf.path("content").isEmpty()) {
            throw v2Error(400, "INVALID_MESSAGE", "Bad Request", "Comment body must not be empty.");
        }
        Page.Comment comment = addComment(page, adf, AdfToStorage.render(adf), user(r), parent);
        ObjectNode json = Json.object().put("id", comment.id()).put("status", "current").put("title", "Re: "
                + page.title()).put("pageId", page.id);
        json.putObject("version").put("number", 1).put("authorId", comment.author().accountId()).put("createdAt",
                comment.createdAt().toString());
        json.putObject("_links").put("webui", webui(page) + "?focusedCommentId=" + comment.id());
        return Response.json(201, json);
    }

    /** Data Center v1: a page's comments, oldest first, paged by {@code start} and {@code limit}. */
    private Response childComments(Request r) {
        String id = r.pathParam("id");
        Page page = store.visiblePage(id, user(r)).orElseThrow(() -> Cql.error(404, "Not Found",
                "No content found with id: ContentId{id=" + id + "}"));
        List<Page.Comment> comments;
        synchronized (page.comments) {
            comments = new ArrayList<>(page.comments);
        }
        int start = r.intParam("start", 0);
        int limit = r.intParam("limit", 25);
        ObjectNode json = Json.object();
        ArrayNode results = json.putArray("results");
        comments.stream().skip(start).limit(limit).forEach(c -> PageComments.v1Comment(c, page, results
                .addObject()));
        json.put("start", start).put("limit", limit).put("size", results.size());
        ObjectNode links = json.putObject("_links");
        if (start + limit < comments.size()) {
            links.put("next", "/rest/api/content/" + id + "/child/comment?start=" + (start + limit) + "&limit="
                    + limit);
        }
        return Response.ok(json);
    }

    /** Data Center v1: only comments, {@code {"type": "comment", "container": {"id"}, "body": {"storage": ...}}}. */
    private Response createContentV1(Request r) {
        JsonNode request = r.json();
        if ("page".equals(request.path("type").asText())) {
            return new PageWrites(flavour, () -> store).createV1(r);
        }
        if (!"comment".equals(request.path("type").asText())) {
            throw Cql.error(400, "Bad Request", "The sandbox creates only pages and comments through POST "
                    + "/rest/api/content");
        }
        String id = request.path("container").path("id").asText("");
        Page page = store.visiblePage(id, user(r)).orElseThrow(() -> Cql.error(404, "Not Found",
                "No content found with id: ContentId{id=" + id + "}"));
        page.space.requireEditor(user(r), false);
        String storage = request.path("body").path("storage").path("value").asText("");
        if (storage.isBlank()) {
            throw Cql.error(400, "Bad Request", "Comment body must not be empty");
        }
        JsonNode ancestors = request.path("ancestors");
        String parent = ancestors.isArray() && !ancestors.isEmpty() ? ancestors.get(0).path("id").asText() : null;
        if (parent != null && store.pageOfComment(parent, user(r)).filter(page::equals).isEmpty()) {
            throw Cql.error(400, "Bad Request", "The parent comment " + parent + " is not on page " + id);
        }
        Page.Comment comment = addComment(page, StorageToAdf.convert(storage), storage, user(r), parent);
        ObjectNode json = Json.object().put("id", comment.id()).put("type", "comment").put("status", "current")
                .put("title", "Re: " + page.title());
        json.putObject("container").put("id", page.id).put("type", "page");
        json.putObject("_links").put("webui", webui(page) + "?focusedCommentId=" + comment.id());
        return Response.ok(json);
    }

    private Page.Comment addComment(Page page, JsonNode adf, String storage, SandboxUser author, String parent) {
        Page.Comment comment = new Page.Comment(store.nextContentId(), adf, storage, author, Instant.now(),
                parent, null, null, false);
        synchronized (page.comments) {
            page.comments.add(comment);
        }
        return comment;
    }

    /** Only comments can be deleted here: pages stay. */
    private Response deleteComment(Request r, java.util.function.Supplier<ApiException> notFound) {
        String id = r.pathParam("id");
        Page page = store.pageOfComment(id, user(r)).orElseThrow(notFound);
        page.space.requireEditor(user(r), r.path().contains("/api/v2/"));
        synchronized (page.comments) {
            page.comments.removeIf(c -> c.id().equals(id));
        }
        return Response.noContent();
    }

    private Response currentUser(Request r) {
        SandboxUser user = user(r);
        ObjectNode json = Json.object().put("type", "known");
        if (flavour == Flavour.CLOUD) {
            json.put("accountId", user.accountId()).put("accountType", "atlassian").put("email", user.email())
                    .put("publicName", user.displayName());
        } else {
            json.put("username", user.username()).put("userKey", user.key());
        }
        return Response.ok(json.put("displayName", user.displayName()));
    }

    /** A page or blog post in v2's shape; a blog post has no parent. */
    private Response contentV2(Request r, java.util.function.BiFunction<String, SandboxUser, Optional<Page>> lookup) {
        String id = r.pathParam("id");
        if (!id.matches("\\d+")) {
            throw v2Error(400, "INVALID_REQUEST_PARAMETER", "Bad Request", "Provided value {" + id
                    + "} for 'id' is not the correct type. Expected type is ContentId");
        }
        Page page = lookup.apply(id, user(r)).orElseThrow(() -> v2Error(404, "NOT_FOUND", "Not Found", null));
        Page.Version version = version(page, r.intParam("version", page.current().number()));
        ObjectNode json = Json.object().put("id", page.id).put("status", "current").put("title", version.title())
                .put("spaceId", page.space.id());
        if (page.parentId != null) {
            json.put("parentId", page.parentId).put("parentType", "page");
        } else if (Page.PAGE.equals(page.type)) {
            json.putNull("parentId");
        }
        json.put("authorId", page.creator.accountId()).put("createdAt", page.createdAt.toString());
        if (Page.PAGE.equals(page.type)) {
            json.put("ownerId", page.creator.accountId());
        }
        json.putObject("version").put("number", version.number()).put("message", version.message())
                .put("minorEdit", false).put("authorId", version.author().accountId())
                .put("createdAt", version.createdAt().toString());
        String format = r.param("body-format").orElse("");
        ObjectNode body = json.putObject("body");
        if (format.equals("storage")) {
            body.putObject("storage").put("representation", "storage").put("value", version.storage());
        } else if (format.equals("atlas_doc_format")) {
            body.putObject("atlas_doc_format").put("representation", "atlas_doc_format").put("value",
                    version.adf().toString());
        } else if (!format.isEmpty()) {
            throw v2Error(400, "INVALID_REQUEST_PARAMETER", "Bad Request", "Provided value {" + format
                    + "} for 'body-format' is not the correct type. Expected type is PrimaryBodyRepresentation");
        }
        if (r.param("include-labels").map(Boolean::parseBoolean).orElse(false)) {
            ObjectNode labels = json.putObject("labels");
            ArrayNode results = labels.putArray("results");
            page.labels.forEach(l -> results.addObject().put("id", labelId(l)).put("name", l).put("prefix",
                    "global"));
            labels.putObject("meta").put("hasMore", false).put("cursor", "");
        }
        json.putObject("_links").put("webui", webui(page)).put("editui", "/pages/resumedraft.action?draftId="
                + page.id).put("tinyui", "/x/" + page.id).put("base", siteUrl);
        return Response.ok(json);
    }

    private Response spaceV2(Request r) {
        Space space = store.spaceById(r.pathParam("id")).filter(s -> s.visibleTo(user(r))).orElseThrow(
                () -> v2Error(404, "NOT_FOUND", "Not Found", null));
        ObjectNode json = Json.object().put("id", space.id()).put("key", space.key()).put("name", space.name())
                .put("type", "global").put("status", "current");
        json.putObject("_links").put("webui", "/spaces/" + space.key()).put("base", siteUrl);
        return Response.ok(json);
    }

    private Response contentV1(Request r) {
        String id = r.pathParam("id");
        Optional<Page> commented = store.pageOfComment(id, user(r));
        if (commented.isPresent()) {
            ObjectNode comment = Json.object().put("id", id).put("type", "comment").put("status", "current");
            comment.putObject("container").put("id", commented.get().id).put("type", "page");
            return Response.ok(comment);
        }
        Page page = store.visiblePage(id, user(r)).or(() -> store.visibleBlogPost(id, user(r))).orElseThrow(
                () -> Cql.error(404, "Not Found", "No content found with id: ContentId{id=" + id + "}"));
        Page.Version version = r.param("version").map(v -> page.versions.stream().filter(p -> String.valueOf(p
                .number()).equals(v)).findFirst().orElseThrow(() -> Cql.error(404, "Not Found", "No content found "
                        + "with id: ContentId{id=" + id + "} and version " + v)))
                .orElse(page.current());
        Set<String> expand = Set.of(r.param("expand").orElse("").split(","));
        ObjectNode json = Json.object().put("id", page.id).put("type", page.type).put("status", "current")
                .put("title", version.title());
        if (expand.contains("space")) {
            ObjectNode space = json.putObject("space").put("id", Long.parseLong(page.space.id()))
                    .put("key", page.space.key()).put("name", page.space.name()).put("type", "global");
            space.putObject("_links").put("webui", "/display/" + page.space.key());
        }
        if (expand.contains("version")) {
            ObjectNode v = json.putObject("version");
            v.putObject("by").put("type", "known").put("username", version.author().username())
                    .put("userKey", version.author().key()).put("displayName", version.author().displayName());
            v.put("when", version.createdAt().toString()).put("number", version.number())
                    .put("message", version.message()).put("minorEdit", false);
        }
        if (expand.contains("history")) {
            ObjectNode history = json.putObject("history").put("latest", true).put("createdDate", page.createdAt
                    .toString());
            history.putObject("createdBy").put("type", "known").put("username", page.creator.username()).put(
                    "userKey", page.creator.key()).put("displayName", page.creator.displayName());
        }
        if (expand.contains("ancestors")) {
            ArrayNode ancestors = json.putArray("ancestors");
            store.ancestors(page).forEach(a -> ancestors.addObject().put("id", a.id).put("type", "page")
                    .put("status", "current").put("title", a.title()));
        }
        if (expand.contains("body.storage")) {
            json.putObject("body").putObject("storage").put("value", version.storage()).put("representation",
                    "storage");
        }
        if (expand.contains("metadata.labels")) {
            ObjectNode labels = json.putObject("metadata").putObject("labels");
            ArrayNode results = labels.putArray("results");
            page.labels.forEach(l -> results.addObject().put("prefix", "global").put("name", l).put("id",
                    labelId(l)));
            labels.put("start", 0).put("limit", 200).put("size", page.labels.size());
        }
        json.putObject("_links").put("webui", webui(page)).put("base", siteUrl).put("context", context)
                .put("self", siteUrl + "/rest/api/content/" + page.id);
        return Response.ok(json);
    }

    private Response search(Request r) {
        String cql = r.param("cql").orElse("");
        if (cql.matches("(?is)\\s*type\\s*=\\s*user\\b.*")) {
            return userSearch(r);
        }
        SandboxUser user = user(r);
        Cql.Query query = Cql.compile(cql, user);
        List<Page> matches = store.visibleContent(user).stream().filter(query.filter()).sorted(query.order())
                .toList();
        int limit = Math.max(1, Math.min(MAX_SEARCH, r.intParam("limit", 25)));
        int start = flavour == Flavour.CLOUD && r.param("cursor").isPresent() ? decodeCursor(r.param("cursor")
                .get()) : r.intParam("start", 0);
        int end = Math.min(matches.size(), start + limit);
        ObjectNode json = Json.object();
        ArrayNode results = json.putArray("results");
        String text = textTerm(cql);
        for (Page page : matches.subList(Math.min(start, matches.size()), end)) {
            ObjectNode result = results.addObject();
            ObjectNode content = result.putObject("content").put("id", page.id).put("type", page.type)
                    .put("status", "current").put("title", page.title());
            content.putObject("_links").put("webui", webui(page)).put("tinyui", "/x/" + page.id);
            result.put("title", page.title()).put("excerpt", PageText.excerpt(page.current().adf(), text))
                    .put("url", webui(page));
            result.putObject("resultGlobalContainer").put("title", page.space.name()).put("displayUrl",
                    spaceUrl(page.space));
            result.putArray("breadcrumbs");
            result.put("entityType", "content").put("iconCssClass", "aui-icon content-type-" + page.type)
                    .put("lastModified", page.current().createdAt().toString())
                    .put("friendlyLastModified", FRIENDLY.format(page.current().createdAt()));
        }
        json.put("start", start).put("limit", limit).put("size", results.size()).put("totalSize", matches.size())
                .put("cqlQuery", cql).put("searchDuration", 12);
        ObjectNode links = json.putObject("_links").put("base", siteUrl).put("context", context);
        if (end < matches.size()) {
            String next = "/rest/api/search?cql=" + URLEncoder.encode(cql, StandardCharsets.UTF_8) + "&limit=" + limit;
            links.put("next", next + (flavour == Flavour.CLOUD ? "&cursor=" + encodeCursor(end) : "&start=" + end));
        }
        return Response.ok(json);
    }

    /**
     * {@code type = user AND user.fullname ~ "text"}: people whose display name has a word starting with the text, or
     * whose username (Data Center) starts with it.
     */
    private Response userSearch(Request r) {
        java.util.regex.Matcher name = java.util.regex.Pattern.compile("(?i)user\\.fullname\\s*~\\s*\"([^\"]*)\"")
                .matcher(r.param("cql").orElse(""));
        if (!name.find()) {
            throw Cql.badRequest("A user search needs user.fullname ~ \"...\"");
        }
        String wanted = name.group(1).toLowerCase(Locale.ROOT).trim();
        ObjectNode json = Json.object();
        ArrayNode results = json.putArray("results");
        for (SandboxUser u : dev.atlmcp.sandbox.Directory.all()) {
            boolean matches = java.util.Arrays.stream(u.displayName().toLowerCase(Locale.ROOT).split(" "))
                    .anyMatch(w -> w.startsWith(wanted))
                    || flavour != Flavour.CLOUD && u.username().startsWith(
                            wanted);
            if (!wanted.isEmpty() && matches) {
                ObjectNode result = results.addObject().put("entityType", "user").put("title", u.displayName())
                        .put("excerpt", "").put("url", "/people/" + u.accountId()).put("iconCssClass",
                                "aui-icon content-type-profile")
                        .put("lastModified", "2026-01-05T09:00:00.000Z");
                result.putArray("breadcrumbs");
                ObjectNode person = result.putObject("user").put("type", "known").put("displayName", u.displayName());
                if (flavour == Flavour.CLOUD) {
                    person.put("accountId", u.accountId()).put("accountType", "atlassian").put("email", u.email());
                } else {
                    person.put("username", u.username()).put("userKey", u.key());
                }
            }
        }
        json.put("start", 0).put("limit", 25).put("size", results.size()).put("totalSize", results.size()).put(
                "cqlQuery", r.param("cql").orElse("")).put("searchDuration", 12);
        json.putObject("_links");
        return Response.ok(json);
    }

    private Page.Version version(Page page, int number) {
        return page.versions.stream().filter(v -> v.number() == number).findFirst().orElseThrow(() -> v2Error(404,
                "NOT_FOUND", "Not Found", "Version " + number + " of page " + page.id + " does not exist"));
    }

    private String webui(Page page) {
        return webui(flavour, page);
    }

    static String webui(Flavour flavour, Page page) {
        String slug = page.title().replaceAll("[^A-Za-z0-9]+", "+").replaceAll("^\\+|\\+$", "");
        if (Page.BLOG_POST.equals(page.type)) {
            String day = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC).format(page.createdAt);
            return flavour == Flavour.CLOUD ? "/spaces/" + page.space.key() + "/blog/" + day + "/" + page.id + "/"
                    + slug : "/display/" + page.space.key() + "/" + day + "/" + slug;
        }
        return flavour == Flavour.CLOUD ? "/spaces/" + page.space.key() + "/pages/" + page.id + "/" + slug
                : "/display/" + page.space.key() + "/" + slug;
    }

    private String spaceUrl(Space space) {
        return flavour == Flavour.CLOUD ? "/spaces/" + space.key() : "/display/" + space.key();
    }

    /** A v1 text query's first {@code text ~ "..."} term, for highlighting. */
    private static String textTerm(String cql) {
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?i)(?:text|siteSearch|title)\\s*~\\s*[\"']([^\"']*)")
                .matcher(cql);
        return m.find() ? m.group(1) : "";
    }

    private static String encodeCursor(int offset) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("_sa_WyJcdDE" + offset).getBytes(
                StandardCharsets.UTF_8));
    }

    private static int decodeCursor(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith("_sa_WyJcdDE")) {
                return Integer.parseInt(raw.substring("_sa_WyJcdDE".length()));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw Cql.badRequest("Invalid cursor: " + cursor);
    }

    static String labelId(String label) {
        return String.valueOf(Math.abs(label.hashCode()) % 1_000_000 + 1_000_000);
    }

    static SandboxUser user(Request r) {
        return (SandboxUser) r.principal();
    }

    /** Confluence Cloud v2's error body. */
    static ApiException v2Error(int status, String code, String title, String detail) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putArray("errors").addObject().put("status", status).put("code", code)
                .put("title", title);
        if (detail == null) {
            error.putNull("detail");
        } else {
            error.put("detail", detail);
        }
        return new ApiException(Response.json(status, body));
    }
}

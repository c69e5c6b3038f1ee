package dev.atlmcp.confluence.service;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.adf.AdfToStorage;
import dev.atlmcp.adf.MarkdownToAdf;
import dev.atlmcp.adf.StorageToAdf;
import dev.atlmcp.auth.args.Arguments;
import dev.atlmcp.auth.changes.AgentChange;
import dev.atlmcp.auth.changes.AgentChanges;
import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.errors.AmbiguousWrite;
import dev.atlmcp.auth.outbound.AtlassianException;
import dev.atlmcp.auth.policy.QueryScope;
import dev.atlmcp.auth.policy.ScopePolicy;
import dev.atlmcp.auth.policy.WriteGate;
import dev.atlmcp.auth.policy.WriteGuard;
import dev.atlmcp.confluence.client.CommentDtos;
import dev.atlmcp.confluence.client.ConfluenceClient;
import dev.atlmcp.confluence.client.PageDtos;
import dev.atlmcp.confluence.client.SearchDtos;

/** Confluence reads for the tools: argument rules, Cloud (v2 + v1 search) versus Data Center (v1), paging. */
@ApplicationScoped
public class ConfluenceService {

    public static final int MAX_LIMIT = 50;
    private static final int MAX_CQL = 8000;
    private static final String EMPTY_DOC = "{\"type\":\"doc\",\"version\":1,\"content\":[]}";
    private static final String DC_EXPAND = "body.storage,version,space,ancestors,metadata.labels,history";
    /** Comments are for a few paragraphs; Confluence itself takes far more. */
    private static final int MAX_COMMENT = 30_000;
    private static final int COMMENT_PAGE = 100;
    private static final int MAX_COMMENT_PAGES = 20;

    private final ConfluenceClient client;
    private final AtlassianConfig config;
    private final ObjectMapper json;
    private final ScopePolicy scope;
    private final WriteGuard guard;
    private final WriteGate gate;
    private final AgentMark mark;
    private final AgentChanges changes;
    private final ConfluenceProperties properties;

    ConfluenceService(@RestClient ConfluenceClient client, AtlassianConfig config, ObjectMapper json,
            ScopePolicy scope, WriteGuard guard, WriteGate gate, AgentMark mark, AgentChanges changes,
            ConfluenceProperties properties) {
        this.mark = mark;
        this.changes = changes;
        this.properties = properties;
        this.gate = gate;
        this.client = client;
        this.config = config;
        this.json = json;
        this.scope = scope;
        this.guard = guard;
    }

    public PageView page(String pageId) {
        String id = pageId(pageId);
        PageView page = config.isDataCenter() ? dataCenterPage(id) : cloudPage(id);
        scope.requireSpace(page.spaceKey(), notFound(id));
        return page;
    }

    /** A comment just added to a page. */
    public record CommentAdded(PageView page, String commentId, String url, String changeId, List<String> notes) {
    }

    /**
     * Adds a footer comment written in Markdown to a page the caller may write to, once the write gate lets it through
     * (dry run, confirmation).
     */
    public CommentAdded addComment(String pageId, String markdown, String parentCommentId, boolean dryRun,
            String confirmationToken) {
        String text = Arguments.text("body", markdown, MAX_COMMENT, "Verified the runbook steps on staging.");
        PageView page = page(pageId);
        guard.requireOwner("page " + page.id(), "pages you created", Collections.singletonList(page.creatorId()));
        String parent = parentCommentId == null || parentCommentId.isBlank() ? null : commentOn(page, parentCommentId);
        ObjectNode adf = MarkdownToAdf.convert(text);
        Object request = config.isDataCenter()
                ? new CommentDtos.NewDataCenterComment("comment", new CommentDtos.Container(page.id(), "page"),
                        parent == null ? null : List.of(new CommentDtos.Container(parent, "comment")),
                        new CommentDtos.DataCenterBody(new CommentDtos.Body("storage", AdfToStorage
                                .renderForDataCenter(adf))))
                : new CommentDtos.NewFooterComment(parent == null ? page.id() : null, parent, new CommentDtos.Body(
                        "atlas_doc_format", adf.toString()));
        gate.approve(new WriteGate.Write("confluence_add_comment", "add a comment to page " + page.id() + " ("
                + page.title() + ")", "POST",
                config.isDataCenter() ? "/rest/api/content" : "/wiki/api/v2/footer-comments",
                json.valueToTree(request), () -> commentState(page)), dryRun, confirmationToken);
        CommentDtos.Created created = AmbiguousWrite.send("add a comment to page " + page.id(), "look at the "
                + "comments at the bottom of page " + page.id() + " in Confluence",
                () -> config.isDataCenter()
                        ? client.addDataCenterComment((CommentDtos.NewDataCenterComment) request)
                        : client.addFooterComment((CommentDtos.NewFooterComment) request));
        AgentChange change = changes.start("confluence_add_comment", "comment-added", page.id(), "comment "
                + created.id() + " on page " + page.id(), null, json.createObjectNode().put("commentId", created.id()));
        List<String> notes = new ArrayList<>();
        properties.keep(change, "The comment was added", "").ifPresent(notes::add);
        mark.mark(page.id(), "The comment was added").ifPresent(notes::add);
        return new CommentAdded(page, created.id(), url(created._links()), change.id(), notes);
    }

    /** The id of a comment on the page; any other is an error saying so. */
    private String commentOn(PageView page, String commentId) {
        String id = commentId.trim();
        String on = id.matches("\\d{1,20}") ? AtlassianException.unlessNotFound(() -> config.isDataCenter()
                ? client.dataCenterComment(id).path("container").path("id").asText()
                : client.cloudFooterComment(id).path("pageId").asText()).orElse(null) : null;
        if (!page.id().equals(on)) {
            throw new IllegalArgumentException("There is no footer comment " + commentId + " on page " + page.id()
                    + "; confluence_get_comments lists them with their ids");
        }
        return id;
    }

    /**
     * What moves on when someone comments on a page (its version does not): the newest footer comment on Cloud, the
     * number of comments on Data Center, whose API lists them oldest first.
     */
    private String commentState(PageView page) {
        if (!config.isDataCenter()) {
            List<CommentDtos.Created> newest = client.cloudFooterComments(page.id(), "-created-date", 1).results();
            return page.version() + ":" + (newest == null || newest.isEmpty() ? "none" : newest.get(0).id());
        }
        int count = 0;
        for (int pages = 0; pages < MAX_COMMENT_PAGES; pages++) {
            CommentDtos.CommentList list = client.dataCenterComments(page.id(), count, COMMENT_PAGE);
            int size = list.results() == null ? 0 : list.results().size();
            count += size;
            if (size == 0 || list._links() == null || list._links().next() == null) {
                break;
            }
        }
        return page.version() + ":" + count;
    }

    private static String pageId(String pageId) {
        String id = pageId == null ? "" : pageId.trim();
        if (!id.matches("\\d{1,20}")) {
            throw new IllegalArgumentException("page_id must be the numeric id of a page (the number in its URL, "
                    + "e.g. 123456), got '" + pageId + "'");
        }
        return id;
    }

    /** What Confluence itself answers for a page that does not exist or that the account may not see. */
    private AtlassianException notFound(String id) {
        return new AtlassianException(404, config.isDataCenter() ? List.of("No content found with id: ContentId{id="
                + id + "}") : List.of(), Optional.empty());
    }

    /** CQL as given, or plain text made into a safe CQL text query; either narrowed to one space if asked. */
    public SearchView search(String cql, String text, String space, int limit, String cursor) {
        boolean byCql = cql != null && !cql.isBlank();
        if (byCql == (text != null && !text.isBlank())) {
            throw new IllegalArgumentException("cql and query: give exactly one of them, e.g. query: checkout latency "
                    + "runbook");
        }
        String given = byCql ? Arguments.text("cql", cql, MAX_CQL, "space = OPS AND type = page AND text ~ "
                + "\"runbook\"") : "type = page AND text ~ \""
                        + Arguments.text("query", text, 500, "checkout runbook")
                                .replaceAll("[\"\\\\]", " ").trim()
                        + "\"";
        String inSpace = space == null || space.isBlank() ? given
                : QueryScope.restrict(given, "cql", "space", List.of(SpaceBrowser.spaceKey(space)));
        String query = scope.scopeCql(inSpace);
        Arguments.limit(limit, MAX_LIMIT);
        limit = scope.cap(limit);
        String page = Arguments.cursor(cursor);
        if (config.isDataCenter()) {
            int start = Arguments.offset(page, "confluence_search");
            SearchDtos.SearchPage result = client.dataCenterSearch(query, limit, start, "highlight");
            boolean more = result._links() != null && result._links().next() != null;
            return view(result, Arguments.nextOffsetCursor(start, size(result), more));
        }
        SearchDtos.SearchPage result = client.cloudSearch(query, limit, page, "highlight");
        return view(result, result._links() == null ? null : queryParam(result._links().next(), "cursor"));
    }

    private PageView cloudPage(String id) {
        PageDtos.CloudPage page = client.cloudPage(id, "atlas_doc_format", true);
        PageDtos.CloudSpace space = client.cloudSpace(page.spaceId());
        PageDtos.CloudVersion version = page.version();
        List<String> labels = page.labels() == null || page.labels().results() == null ? List.of()
                : page.labels().results().stream().map(PageDtos.Label::name).toList();
        String adf = page.body() == null || page.body().atlasDocFormat() == null ? null
                : page.body().atlasDocFormat().value();
        return new PageView(page.id(), page.title(), space.key(), space.name(), version == null ? 0
                : version.number(), version == null ? null : "account " + version.authorId(),
                version == null ? null
                        : version.createdAt(),
                labels, List.of(), page.parentId(), url(page._links()), adf(adf), page.authorId(), adf == null
                        || adf.isBlank() ? EMPTY_DOC : adf);
    }

    private PageView dataCenterPage(String id) {
        PageDtos.DataCenterPage page = client.dataCenterPage(id, DC_EXPAND);
        PageDtos.DataCenterVersion version = page.version();
        List<String> labels = page.metadata() == null || page.metadata().labels() == null
                || page.metadata().labels().results() == null ? List.of()
                        : page.metadata().labels().results().stream().map(PageDtos.Label::name).toList();
        List<PageView.Ancestor> ancestors = page.ancestors() == null ? List.of()
                : page.ancestors().stream().map(a -> new PageView.Ancestor(a.id(), a.title())).toList();
        String storage = page.body() == null || page.body().storage() == null ? "" : page.body().storage().value();
        String updatedBy = version == null || version.by() == null ? null
                : version.by().displayName() + " (" + version.by().username() + ")";
        return new PageView(page.id(), page.title(), page.space() == null ? null : page.space().key(),
                page.space() == null ? null : page.space().name(), version == null ? 0 : version.number(),
                updatedBy, version == null ? null : version.when(), labels, ancestors,
                ancestors.isEmpty() ? null : ancestors.get(ancestors.size() - 1).id(), url(page._links()),
                StorageToAdf.convert(storage), page.history() == null || page.history().createdBy() == null ? null
                        : page.history().createdBy().username(),
                storage);
    }

    /** ADF JSON text as a document; blank is an empty document. */
    JsonNode adf(String value) {
        if (value == null || value.isBlank()) {
            return json.createObjectNode().put("type", "doc").put("version", 1).set("content", json
                    .createArrayNode());
        }
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Confluence returned a page body that is not valid ADF", e);
        }
    }

    private SearchView view(SearchDtos.SearchPage result, String nextCursor) {
        List<SearchView.Hit> hits = result.results() == null ? List.of()
                : result.results().stream().map(r -> new SearchView.Hit(r.content() == null ? null : r.content().id(),
                        r.content() == null ? r.entityType() : r.content().type(), r.title(),
                        r.resultGlobalContainer() == null ? null : r.resultGlobalContainer().title(), r.lastModified(),
                        highlight(r.excerpt()), absolute(result._links() == null ? null : result._links().base(),
                                r.url())))
                        .toList();
        return new SearchView(hits, result.totalSize(), nextCursor);
    }

    private String url(PageDtos.Links links) {
        return links == null ? null : absolute(links.base(), links.webui());
    }

    /** A link Confluence gave relative to the site, made absolute. */
    public String absoluteUrl(String path) {
        return absolute(null, path);
    }

    private String absolute(String base, String path) {
        if (path == null) {
            return null;
        }
        String site = config.url().orElse("").replaceAll("/+$", "");
        String root = base != null ? base : config.isDataCenter() ? site : site + "/wiki";
        return path.startsWith("http") ? path : root.replaceAll("/+$", "") + path;
    }

    private static int size(SearchDtos.SearchPage result) {
        return result.results() == null ? 0 : result.results().size();
    }

    /** Confluence marks matches with {@code @@@hl@@@...@@@endhl@@@}. */
    static String highlight(String excerpt) {
        return excerpt == null ? null : excerpt.replace("@@@hl@@@", "**").replace("@@@endhl@@@", "**");
    }

    static String queryParam(String link, String name) {
        if (link == null) {
            return null;
        }
        String query = URI.create(link.replace(" ", "%20")).getRawQuery();
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && Objects.equals(pair.substring(0, eq), name)) {
                return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}

package dev.atlmcp.confluence.service;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.atlmcp.adf.StorageToAdf;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.policy.QueryScope;
import dev.atlmcp.platform.policy.ScopePolicy;
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

    private final ConfluenceClient client;
    private final AtlassianConfig config;
    private final ObjectMapper json;
    private final ScopePolicy scope;

    ConfluenceService(@RestClient ConfluenceClient client, AtlassianConfig config, ObjectMapper json,
            ScopePolicy scope) {
        this.client = client;
        this.config = config;
        this.json = json;
        this.scope = scope;
    }

    public PageView page(String pageId) {
        String id = pageId(pageId);
        PageView page = config.isDataCenter() ? dataCenterPage(id) : cloudPage(id);
        scope.requireSpace(page.spaceKey(), notFound(id));
        return page;
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

    String url(PageDtos.Links links) {
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

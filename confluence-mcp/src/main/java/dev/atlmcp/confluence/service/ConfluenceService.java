package dev.atlmcp.confluence.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.confluence.client.PageView;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.policy.QueryScope;
import dev.atlmcp.platform.policy.ScopePolicy;
import dev.atlmcp.confluence.client.ConfluenceSite;
import dev.atlmcp.confluence.client.PageDtos;
import dev.atlmcp.confluence.client.SearchDtos;

/** Confluence reads for the tools: argument rules, space scope, paging; the deployment's differences are the site's. */
@ApplicationScoped
public class ConfluenceService {

    public static final int MAX_LIMIT = 50;
    private static final int MAX_CQL = 8000;
    private final ConfluenceSite site;
    private final ScopePolicy scope;

    ConfluenceService(ConfluenceSite site, ScopePolicy scope) {
        this.site = site;
        this.scope = scope;
    }

    public PageView page(String pageId) {
        return page("page_id", pageId);
    }

    /** A page named by the argument {@code argument}, which error messages name. */
    public PageView page(String argument, String pageId) {
        String id = contentId(argument, "a page", pageId);
        PageView page = site.page(id);
        scope.requireSpace(page.spaceKey(), notFound(id));
        return page;
    }

    /** A blog post, within the allowed spaces like a page. */
    public PageView blogPost(String blogPostId) {
        String id = contentId("blog_post_id", "a blog post", blogPostId);
        PageView post = site.blogPost(id);
        scope.requireSpace(post.spaceKey(), notFound(id));
        return post;
    }

    private static String contentId(String name, String what, String value) {
        String id = value == null ? "" : value.trim();
        if (!id.matches("\\d{1,20}")) {
            throw new IllegalArgumentException(name + " must be the numeric id of " + what + " (the number in its "
                    + "URL, e.g. 123456), got '" + value + "'");
        }
        return id;
    }

    /** What Confluence itself answers for a page that does not exist or that the account may not see. */
    private AtlassianException notFound(String id) {
        return new AtlassianException(404, site.pageNotFound(id), Optional.empty());
    }

    /**
     * CQL as given, or plain text made into a safe CQL text query for pages or blog posts ({@code type}); either
     * narrowed to one space if asked.
     */
    public SearchView search(String cql, String text, String space, String type, int limit, String cursor) {
        boolean byCql = cql != null && !cql.isBlank();
        if (byCql == (text != null && !text.isBlank())) {
            throw new IllegalArgumentException("cql and query: give exactly one of them, e.g. query: checkout latency "
                    + "runbook");
        }
        String kind = type == null || type.isBlank() ? "page" : type.trim().toLowerCase(java.util.Locale.ROOT);
        if (!kind.equals("page") && !kind.equals("blogpost")) {
            throw new IllegalArgumentException("type must be page or blogpost, got '" + type + "'");
        }
        String given = byCql ? Arguments.text("cql", cql, MAX_CQL, "space = OPS AND type = page AND text ~ "
                + "\"runbook\"") : "type = " + kind + " AND text ~ \""
                        + Arguments.text("query", text, 500, "checkout runbook")
                                .replaceAll("[\"\\\\]", " ").trim()
                        + "\"";
        String inSpace = space == null || space.isBlank() ? given
                : QueryScope.restrict(given, "cql", "space", List.of(SpaceBrowser.spaceKey(space)));
        String query = scope.scopeCql(inSpace);
        Arguments.limit(limit, MAX_LIMIT);
        limit = scope.cap(limit);
        String page = Arguments.cursor(cursor);
        SearchDtos.SearchPage result = site.search(query, limit, page);
        return view(result, site.nextSearchCursor(result, page));
    }

    private SearchView view(SearchDtos.SearchPage result, String nextCursor) {
        List<SearchView.Hit> hits = result.results() == null ? List.of()
                : result.results().stream().map(r -> new SearchView.Hit(r.content() == null ? null : r.content().id(),
                        r.content() == null ? r.entityType() : r.content().type(), r.title(),
                        r.resultGlobalContainer() == null ? null : r.resultGlobalContainer().title(), r.lastModified(),
                        highlight(r.excerpt()), site.absolute(result._links() == null ? null : result._links().base(),
                                r.url())))
                        .toList();
        return new SearchView(hits, result.totalSize(), nextCursor);
    }

    String url(PageDtos.Links links) {
        return site.url(links);
    }

    /** A link Confluence gave relative to the site, made absolute. */
    public String absoluteUrl(String path) {
        return site.absolute(null, path);
    }

    /** Confluence marks matches with {@code @@@hl@@@...@@@endhl@@@}. */
    static String highlight(String excerpt) {
        return excerpt == null ? null : excerpt.replace("@@@hl@@@", "**").replace("@@@endhl@@@", "**");
    }
}

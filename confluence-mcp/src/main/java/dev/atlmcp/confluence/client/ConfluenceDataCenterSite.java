package dev.atlmcp.confluence.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.content.UploadedFile;
import dev.atlmcp.adf.AdfToStorage;
import dev.atlmcp.adf.StorageSections;
import dev.atlmcp.adf.StorageToAdf;
import dev.atlmcp.platform.args.Arguments;
import dev.atlmcp.platform.atlassian.AtlassianException;
import dev.atlmcp.platform.errors.ToolRefusal;

/**
 * Confluence Data Center: REST v1 under {@code /rest/api}; bodies in storage format, converted to and from ADF; people
 * by username; paged by {@code start}; no inline-comment API and no user properties.
 */
public class ConfluenceDataCenterSite extends ConfluencePages implements ConfluenceSite {

    private static final String PAGE_EXPAND = "body.storage,version,space,ancestors,metadata.labels,history";
    private static final String SPACE_EXPAND = "description.plain,homepage";
    private static final String COMMENT_EXPAND = "body.storage,version,ancestors,extensions.inlineProperties,"
            + "extensions.resolution";
    private static final int COMMENT_PAGE = 100;
    static final String RESTRICTION_EXPAND = "restrictions.user,restrictions.group";
    private static final int MAX_COMMENT_PAGES = 20;

    private final ConfluenceClient client;

    public ConfluenceDataCenterSite(ConfluenceClient client, String siteUrl) {
        super(siteUrl);
        this.client = client;
    }

    @Override
    public String contentApi() {
        return "/rest/api/content";
    }

    @Override
    public String attachmentApi(String attachmentId) {
        return contentApi() + "/" + attachmentId;
    }

    @Override
    public String pagesPath() {
        return "/rest/api/content";
    }

    @Override
    public String pagePath(String id) {
        return "/rest/api/content/" + id;
    }

    @Override
    public String footerCommentsPath() {
        return "/rest/api/content";
    }

    @Override
    public String commentPath(String id, boolean inline) {
        return "/rest/api/content/" + id;
    }

    @Override
    public String stored(ObjectNode adf) {
        return AdfToStorage.renderForDataCenter(adf);
    }

    @Override
    public String replaceSection(String source, String heading, int occurrence, ObjectNode adf) {
        return StorageSections.replaceSection(source, heading, occurrence, stored(adf));
    }

    @Override
    public String append(String source, ObjectNode adf) {
        return StorageSections.append(source, stored(adf));
    }

    @Override
    public PageView page(String id) {
        return content(id, "page");
    }

    @Override
    public PageView blogPost(String id) {
        return content(id, "blogpost");
    }

    /**
     * Pages, blog posts, comments and attachments share v1's content resource; each tool reads only its own kind, and
     * points to the other for a page or blog post.
     */
    private PageView content(String id, String type) {
        PageDtos.DataCenterPage page = client.dataCenterPage(id, PAGE_EXPAND);
        if (page.type() != null && !page.type().equals(type)) {
            if (page.type().equals("page")) {
                throw new ToolRefusal("Content " + id + " is a page: read it with confluence_get_page.");
            }
            if (page.type().equals("blogpost")) {
                throw new ToolRefusal("Content " + id + " is a blog post: read it with confluence_get_blog_post.");
            }
            throw new AtlassianException(404, pageNotFound(id), Optional.empty());
        }
        PageDtos.DataCenterVersion version = page.version();
        List<String> labels = page.metadata() == null || page.metadata().labels() == null
                || page.metadata().labels().results() == null ? List.of()
                        : page.metadata().labels().results().stream().map(PageDtos.Label::name).toList();
        List<PageView.Ancestor> ancestors = page.ancestors() == null ? List.of()
                : page.ancestors().stream().map(a -> new PageView.Ancestor(a.id(), a.title())).toList();
        String storage = storage(page);
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

    private static String storage(PageDtos.DataCenterPage page) {
        return page.body() == null || page.body().storage() == null ? "" : page.body().storage().value();
    }

    @Override
    public List<String> pageNotFound(String id) {
        return List.of("No content found with id: ContentId{id=" + id + "}");
    }

    @Override
    public SearchDtos.SearchPage search(String cql, int limit, String cursor) {
        return client.dataCenterSearch(cql, limit, Arguments.offset(cursor, "confluence_search"), "highlight");
    }

    @Override
    public String nextSearchCursor(SearchDtos.SearchPage page, String cursor) {
        int start = Arguments.offset(cursor, "confluence_search");
        boolean more = page._links() != null && page._links().next() != null;
        return Arguments.nextOffsetCursor(start, page.results() == null ? 0 : page.results().size(), more);
    }

    @Override
    public ObjectNode newPage(String spaceId, String spaceKey, String title, String parentId, ObjectNode adf) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("type", "page").put("title", title).putObject("space").put("key", spaceKey);
        if (parentId != null) {
            request.putArray("ancestors").addObject().put("id", parentId);
        }
        request.putObject("body").putObject("storage").put("value", stored(adf)).put("representation", "storage");
        return request;
    }

    @Override
    public JsonNode createPage(JsonNode page) {
        return client.createDataCenterPage(page);
    }

    @Override
    public ObjectNode pageUpdate(String id, String title, String stored, int version, String message) {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("id", id);
        request.put("type", "page").put("title", title);
        request.putObject("body").putObject("storage").put("value", stored).put("representation", "storage");
        request.putObject("version").put("number", version).put("message", message);
        return request;
    }

    @Override
    public JsonNode updatePage(String id, JsonNode page) {
        return client.updateDataCenterPage(id, page);
    }

    @Override
    public JsonNode restoreVersion(String id, JsonNode restore) {
        return client.restoreDataCenterVersion(id, restore);
    }

    @Override
    public Page versions(String id, int limit, String cursor) {
        int start = Arguments.offset(cursor, "confluence_get_page_versions");
        JsonNode found = client.dataCenterVersions(id, start, limit);
        return new Page(found.path("results"), Arguments.nextOffsetCursor(start, found.path("results").size(), found
                .path("_links").has("next")));
    }

    @Override
    public Snapshot pageAt(String id, int version) {
        PageDtos.DataCenterPage page = client.dataCenterPageAt(id, "historical", version, "body.storage,version");
        return new Snapshot(page.title(), StorageToAdf.convert(storage(page)));
    }

    @Override
    public Page spaces(String key, int limit, String cursor) {
        int start = cursor == null ? 0 : Integer.parseInt(cursor);
        JsonNode page = client.dataCenterSpaces(key, start, limit, SPACE_EXPAND);
        int size = page.path("results").size();
        return new Page(page.path("results"), page.path("_links").hasNonNull("next") && size > 0 ? String.valueOf(
                start + size) : null);
    }

    @Override
    public JsonNode pagesTitled(String spaceId, String spaceKey, String title, int limit) {
        return client.dataCenterPagesTitled(spaceKey, title, "page", limit);
    }

    @Override
    public JsonNode children(String id, int limit) {
        return client.dataCenterChildren(id, 0, limit);
    }

    @Override
    public JsonNode labels(String id, int limit) {
        return client.dataCenterLabels(id, limit);
    }

    @Override
    public JsonNode addLabels(String id, JsonNode labels) {
        return client.addDataCenterLabels(id, labels);
    }

    @Override
    public void removeLabel(String id, String label) {
        client.removeDataCenterLabel(id, label);
    }

    @Override
    public CommentDtos.NewComment footerComment(String pageId, String parentId, ObjectNode adf) {
        return new CommentDtos.NewDataCenterComment("comment", new CommentDtos.Container(pageId, "page"),
                parentId == null ? null : List.of(new CommentDtos.Container(parentId, "comment")),
                new CommentDtos.DataCenterBody(new CommentDtos.Body("storage", stored(adf))));
    }

    @Override
    public CommentDtos.Created addFooterComment(CommentDtos.NewComment comment) {
        return client.addDataCenterComment((CommentDtos.NewDataCenterComment) comment);
    }

    @Override
    public String commentPageId(String commentId) {
        return client.dataCenterComment(commentId).path("container").path("id").asText();
    }

    /** The number of comments: the API lists them oldest first, so the newest cannot be asked for. */
    @Override
    public String commentState(String pageId) {
        int count = 0;
        for (int pages = 0; pages < MAX_COMMENT_PAGES; pages++) {
            CommentDtos.CommentList list = client.dataCenterComments(pageId, count, COMMENT_PAGE);
            int size = list.results() == null ? 0 : list.results().size();
            count += size;
            if (size == 0 || list._links() == null || list._links().next() == null) {
                break;
            }
        }
        return String.valueOf(count);
    }

    @Override
    public Comments comments(String pageId, int limit) {
        List<Comment> footer = new ArrayList<>();
        List<Comment> inline = new ArrayList<>();
        for (JsonNode c : client.dataCenterCommentThreads(pageId, COMMENT_EXPAND, "all", 0, limit).path("results")) {
            boolean isInline = "inline".equals(c.path("extensions").path("location").asText());
            JsonNode parent = c.path("ancestors").path(c.path("ancestors").size() - 1);
            JsonNode by = c.path("version").path("by");
            Comment comment = new Comment(c.path("id").asText(), by.path("displayName").asText() + " (" + by.path(
                    "username").asText() + ")", c.path("version").path("when").asText(null), StorageToAdf.convert(c
                            .path("body").path("storage").path("value").asText("")),
                    parent.isMissingNode() ? null : parent.path("id").asText(), isInline ? c.path("extensions").path(
                            "inlineProperties").path("originalSelection").asText(null) : null,
                    isInline ? c.path("extensions").path("resolution").path("status").asText("open") : null);
            (isInline ? inline : footer).add(comment);
        }
        return new Comments(threaded(footer), threaded(inline));
    }

    /** Each top-level comment followed by its replies, in the order Confluence gave them. */
    static List<Comment> threaded(List<Comment> all) {
        List<Comment> ordered = new ArrayList<>();
        for (Comment top : all) {
            if (top.parentId() == null) {
                ordered.add(top);
                all.stream().filter(c -> top.id().equals(c.parentId())).forEach(ordered::add);
            }
        }
        return ordered;
    }

    @Override
    public boolean takesInlineComments() {
        return false;
    }

    @Override
    public JsonNode addInlineComment(JsonNode comment) {
        throw new IllegalStateException("Confluence Data Center has no API for inline comments");
    }

    @Override
    public JsonNode comment(String id, boolean inline) {
        return client.dataCenterComment(id);
    }

    @Override
    public void deleteComment(String id, boolean inline) {
        client.deleteDataCenterContent(id);
    }

    @Override
    public Optional<JsonNode> pageProperty(String pageId, String key) {
        return AtlassianException.unlessNotFound(() -> client.dataCenterProperty(pageId, key));
    }

    @Override
    public void createPageProperty(String pageId, JsonNode property) {
        client.createDataCenterProperty(pageId, property);
    }

    @Override
    public void updatePageProperty(String pageId, String key, String propertyId, JsonNode property) {
        client.updateDataCenterProperty(pageId, key, property);
    }

    @Override
    public Optional<Integer> countPageProperties(String pageId, String prefix, int pageSize, int maxPages) {
        int records = 0;
        for (int start = 0, pages = 0; pages < maxPages; pages++) {
            JsonNode listed = client.dataCenterProperties(pageId, start, pageSize);
            for (JsonNode property : listed.path("results")) {
                records += property.path("key").asText().startsWith(prefix) ? 1 : 0;
            }
            start += listed.path("results").size();
            if (listed.path("results").isEmpty() || listed.path("_links").path("next").isMissingNode()) {
                break;
            }
        }
        return Optional.of(records);
    }

    @Override
    public PageDtos.Person currentUser() {
        return client.dataCenterCurrentUser();
    }

    @Override
    public JsonNode findPeople(String cql, int limit) {
        return client.dataCenterUserSearch(cql, limit);
    }

    @Override
    public String personId(JsonNode user) {
        return user.path("username").asText();
    }

    @Override
    public Optional<String> noPersonProperties() {
        return Optional.of("Confluence Data Center has no user properties, so this server keeps no list of your "
                + "changes there.");
    }

    @Override
    public JsonNode personProperty(String personId, String key) {
        throw noUserProperties();
    }

    @Override
    public void createPersonProperty(String personId, String key, JsonNode value) {
        throw noUserProperties();
    }

    @Override
    public void updatePersonProperty(String personId, String key, JsonNode value) {
        throw noUserProperties();
    }

    private static IllegalStateException noUserProperties() {
        return new IllegalStateException("Confluence Data Center has no user properties");
    }

    @Override
    public JsonNode attachments(String pageId, int limit) {
        return client.dataCenterAttachments(pageId, limit, "version");
    }

    @Override
    public String addAttachment(String pageId, UploadedFile file, String comment) {
        return client.dataCenterAddAttachment(pageId, attachmentForm(file, comment)).path("results")
                .path(0).path("id")
                .asText();
    }

    @Override
    public void deleteAttachment(String attachmentId) {
        client.deleteDataCenterContent(attachmentId);
    }

    @Override
    public byte[] attachment(String pageId, String attachmentId, String title) {
        return client.downloadDataCenterAttachment(pageId, title);
    }

    @Override
    public List<String> ancestorIds(PageView page) {
        return page.ancestors().stream().map(PageView.Ancestor::id).toList();
    }

    @Override
    public JsonNode restrictions(String id) {
        return client.dataCenterRestrictions(id, RESTRICTION_EXPAND);
    }

    @Override
    public JsonNode viewRestriction(String id) {
        return client.dataCenterRestriction(id, "read", RESTRICTION_EXPAND + ",content");
    }

    @Override
    public Optional<String> noMoveAcrossSpaces() {
        return Optional.of("Confluence Data Center's REST API moves a page only within its space");
    }

    /** Data Center moves a page by updating it with other ancestors: its body stays, as a new version. */
    @Override
    public Call moveUnder(PageView page, String parentId) {
        ObjectNode update = pageUpdate(page.id(), page.title(), page.source(), page.version() + 1, "Moved by an "
                + "agent");
        update.putArray("ancestors").addObject().put("id", parentId);
        return new Call("PUT", pagePath(page.id()), update);
    }

    @Override
    public void move(PageView page, String parentId) {
        client.updateDataCenterPage(page.id(), moveUnder(page, parentId).body());
    }

    @Override
    public Optional<String> noCopy() {
        return Optional.of("Confluence Data Center's REST API has no operation that copies a page");
    }

    @Override
    public String copyPath(String id) {
        return pagePath(id) + "/copy";
    }

    @Override
    public JsonNode copyPage(String id, JsonNode copy) {
        throw new IllegalStateException(noCopy().orElseThrow());
    }
}

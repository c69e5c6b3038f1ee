package dev.atlmcp.confluence.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.content.UploadedFile;
import dev.atlmcp.adf.AdfSections;
import dev.atlmcp.platform.content.AttachmentReader;
import dev.atlmcp.platform.errors.ToolRefusal;

/**
 * Confluence Cloud: REST v2 under {@code /wiki/api/v2} where it has the operation, v1 under {@code /wiki/rest/api}
 * where it does not (search, version restore, labels, people); bodies as ADF; people by account id; paged by cursors;
 * attachments from Atlassian's media store.
 */
public class ConfluenceCloudSite extends ConfluencePages implements ConfluenceSite {

    private static final String ADF = "atlas_doc_format";
    private static final int MAX_ANCESTORS = 50;

    private final ConfluenceClient client;
    private final MediaDownloads media;
    private final String siteUrl;

    public ConfluenceCloudSite(ConfluenceClient client, MediaDownloads media, String siteUrl) {
        super(siteUrl + "/wiki");
        this.client = client;
        this.media = media;
        this.siteUrl = siteUrl;
    }

    @Override
    public String contentApi() {
        return "/wiki/rest/api/content";
    }

    @Override
    public String attachmentApi(String attachmentId) {
        return "/wiki/api/v2/attachments/" + v2AttachmentId(attachmentId);
    }

    @Override
    public String pagesPath() {
        return "/wiki/api/v2/pages";
    }

    @Override
    public String pagePath(String id) {
        return "/wiki/api/v2/pages/" + id;
    }

    @Override
    public String footerCommentsPath() {
        return "/wiki/api/v2/footer-comments";
    }

    @Override
    public String commentPath(String id, boolean inline) {
        return "/wiki/api/v2/" + (inline ? "inline" : "footer") + "-comments/" + id;
    }

    @Override
    public String stored(ObjectNode adf) {
        return adf.toString();
    }

    @Override
    public String replaceSection(String source, String heading, int occurrence, ObjectNode adf) {
        return AdfSections.replaceSection(source, heading, occurrence, adf.path("content"));
    }

    @Override
    public String append(String source, ObjectNode adf) {
        return AdfSections.append(source, adf.path("content"));
    }

    @Override
    public PageView page(String id) {
        return view(client.cloudPage(id, ADF, true));
    }

    @Override
    public PageView blogPost(String id) {
        return view(client.cloudBlogPost(id, ADF, true));
    }

    private PageView view(PageDtos.CloudPage page) {
        PageDtos.CloudSpace space = client.cloudSpace(page.spaceId());
        PageDtos.CloudVersion version = page.version();
        List<String> labels = page.labels() == null || page.labels().results() == null ? List.of()
                : page.labels().results().stream().map(PageDtos.Label::name).toList();
        String adf = adfText(page.body());
        return new PageView(page.id(), page.title(), space.key(), space.name(), version == null ? 0
                : version.number(), version == null ? null : "account " + version.authorId(),
                version == null ? null
                        : version.createdAt(),
                labels, List.of(), page.parentId(), url(page._links()), PageView.adf(adf), page.authorId(),
                adf == null || adf.isBlank() ? PageView.EMPTY_DOC : adf);
    }

    private static String adfText(PageDtos.Bodies body) {
        return body == null || body.atlasDocFormat() == null ? null : body.atlasDocFormat().value();
    }

    @Override
    public List<String> pageNotFound(String id) {
        return List.of();
    }

    @Override
    public SearchDtos.SearchPage search(String cql, int limit, String cursor) {
        return client.cloudSearch(cql, limit, cursor, "highlight");
    }

    @Override
    public String nextSearchCursor(SearchDtos.SearchPage page, String cursor) {
        return page._links() == null ? null : queryParam(page._links().next(), "cursor");
    }

    @Override
    public ObjectNode newPage(String spaceId, String spaceKey, String title, String parentId, ObjectNode adf) {
        ObjectNode request = JsonNodeFactory.instance.objectNode();
        request.put("spaceId", spaceId).put("status", "current").put("title", title);
        if (parentId != null) {
            request.put("parentId", parentId);
        }
        request.putObject("body").put("representation", ADF).put("value", adf.toString());
        return request;
    }

    @Override
    public JsonNode createPage(JsonNode page) {
        return client.createCloudPage(page);
    }

    @Override
    public ObjectNode pageUpdate(String id, String title, String stored, int version, String message) {
        ObjectNode request = JsonNodeFactory.instance.objectNode().put("id", id);
        request.put("status", "current").put("title", title);
        request.putObject("body").put("representation", ADF).put("value", stored);
        request.putObject("version").put("number", version).put("message", message);
        return request;
    }

    @Override
    public JsonNode updatePage(String id, JsonNode page) {
        return client.updateCloudPage(id, page);
    }

    @Override
    public JsonNode restoreVersion(String id, JsonNode restore) {
        return client.restoreCloudVersion(id, restore);
    }

    @Override
    public Page versions(String id, int limit, String cursor) {
        JsonNode found = client.cloudVersions(id, limit, cursor);
        return new Page(found.path("results"), queryParam(found.path("_links").path("next").asText(null), "cursor"));
    }

    @Override
    public Snapshot pageAt(String id, int version) {
        PageDtos.CloudPage page = client.cloudPageAt(id, ADF, version);
        return new Snapshot(page.title(), PageView.adf(adfText(page.body())));
    }

    @Override
    public Page spaces(String key, int limit, String cursor) {
        JsonNode page = client.cloudSpaces(key, limit, cursor, "plain");
        return new Page(page.path("results"), queryParam(page.path("_links").path("next").asText(null), "cursor"));
    }

    @Override
    public JsonNode pagesTitled(String spaceId, String spaceKey, String title, int limit) {
        return client.cloudPagesTitled(spaceId, title, limit);
    }

    @Override
    public JsonNode children(String id, int limit) {
        return client.cloudChildren(id, limit, null);
    }

    @Override
    public JsonNode labels(String id, int limit) {
        return client.cloudLabels(id, limit);
    }

    @Override
    public JsonNode addLabels(String id, JsonNode labels) {
        return client.addCloudLabels(id, labels);
    }

    @Override
    public void removeLabel(String id, String label) {
        client.removeCloudLabel(id, label);
    }

    @Override
    public CommentDtos.NewComment footerComment(String pageId, String parentId, ObjectNode adf) {
        return new CommentDtos.NewFooterComment(parentId == null ? pageId : null, parentId, new CommentDtos.Body(ADF,
                adf.toString()));
    }

    @Override
    public CommentDtos.Created addFooterComment(CommentDtos.NewComment comment) {
        return client.addFooterComment((CommentDtos.NewFooterComment) comment);
    }

    @Override
    public String commentPageId(String commentId) {
        return client.cloudFooterComment(commentId).path("pageId").asText();
    }

    @Override
    public String commentState(String pageId) {
        List<CommentDtos.Created> newest = client.cloudFooterComments(pageId, "-created-date", 1).results();
        return newest == null || newest.isEmpty() ? "none" : newest.get(0).id();
    }

    @Override
    public Comments comments(String pageId, int limit) {
        return new Comments(threads(pageId, "footer-comments", limit), threads(pageId, "inline-comments", limit));
    }

    private List<Comment> threads(String pageId, String kind, int limit) {
        List<Comment> comments = new ArrayList<>();
        for (JsonNode c : client.cloudComments(pageId, kind, ADF, limit).path("results")) {
            comments.add(comment(c));
            client.cloudReplies(kind, c.path("id").asText(), ADF, limit).path("results").forEach(reply -> comments
                    .add(comment(reply)));
        }
        return comments;
    }

    private static Comment comment(JsonNode c) {
        return new Comment(c.path("id").asText(), "account " + c.path("version").path("authorId").asText(), c.path(
                "version").path("createdAt").asText(null), PageView.adf(c.path("body").path(ADF).path("value").asText(
                        null)),
                c.path("parentCommentId").asText(null), c.path("properties").path("inlineOriginalSelection").asText(
                        null),
                c.path("resolutionStatus").asText(null));
    }

    @Override
    public boolean takesInlineComments() {
        return true;
    }

    @Override
    public JsonNode addInlineComment(JsonNode comment) {
        return client.addInlineComment(comment);
    }

    @Override
    public JsonNode comment(String id, boolean inline) {
        return inline ? client.cloudInlineComment(id) : client.cloudFooterComment(id);
    }

    @Override
    public void deleteComment(String id, boolean inline) {
        if (inline) {
            client.deleteInlineComment(id);
        } else {
            client.deleteFooterComment(id);
        }
    }

    @Override
    public Optional<JsonNode> pageProperty(String pageId, String key) {
        JsonNode found = client.cloudPageProperties(pageId, key).path("results");
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    @Override
    public void createPageProperty(String pageId, JsonNode property) {
        client.createCloudPageProperty(pageId, property);
    }

    @Override
    public void updatePageProperty(String pageId, String key, String propertyId, JsonNode property) {
        client.updateCloudPageProperty(pageId, propertyId, property);
    }

    @Override
    public Optional<Integer> countPageProperties(String pageId, String prefix, int pageSize, int maxPages) {
        return Optional.empty();
    }

    @Override
    public PageDtos.Person currentUser() {
        return client.cloudCurrentUser();
    }

    @Override
    public JsonNode findPeople(String cql, int limit) {
        return client.cloudUserSearch(cql, limit);
    }

    @Override
    public String personId(JsonNode user) {
        return user.path("accountId").asText();
    }

    @Override
    public Optional<String> noPersonProperties() {
        return Optional.empty();
    }

    @Override
    public JsonNode personProperty(String personId, String key) {
        return client.userProperty(personId, key);
    }

    @Override
    public void createPersonProperty(String personId, String key, JsonNode value) {
        client.createUserProperty(personId, key, value);
    }

    @Override
    public void updatePersonProperty(String personId, String key, JsonNode value) {
        client.updateUserProperty(personId, key, value);
    }

    @Override
    public JsonNode attachments(String pageId, int limit) {
        return client.cloudAttachments(pageId, limit);
    }

    /**
     * The download operation redirects to a signed URL of Atlassian's media store, on another host; that URL is fetched
     * without the site's credentials, which must not leave the site.
     */
    @Override
    public String addAttachment(String pageId, UploadedFile file, String comment) {
        return client.cloudAddAttachment(pageId, attachmentForm(file, comment)).path("results").path(0)
                .path("id")
                .asText();
    }

    @Override
    public void deleteAttachment(String attachmentId) {
        client.cloudDeleteAttachment(v2AttachmentId(attachmentId));
    }

    /** v2's delete takes the number; the "att" prefix of the ids Confluence lists is optional where it reads them. */
    private static String v2AttachmentId(String attachmentId) {
        return attachmentId.replaceFirst("^att", "");
    }

    @Override
    public byte[] attachment(String pageId, String attachmentId, String title) {
        String location;
        int status;
        try (jakarta.ws.rs.core.Response redirect = client.cloudAttachmentDownload(pageId, attachmentId)) {
            status = redirect.getStatus();
            location = redirect.getHeaderString("Location");
        }
        if (status / 100 != 3 || location == null || location.isBlank()) {
            throw new ToolRefusal("Confluence did not hand out a download of " + title + " (HTTP " + status
                    + " without a redirect). Open it in Confluence.");
        }
        URI target = URI.create(location.trim());
        if (!target.isAbsolute()) {
            target = URI.create(siteUrl + "/").resolve(target);
        }
        if (!"https".equals(target.getScheme()) && !"http".equals(target.getScheme())) {
            throw new ToolRefusal("Confluence redirected the download of " + title + " to a " + target.getScheme()
                    + " URL, which is not fetched. Open it in Confluence.");
        }
        return AttachmentReader.readAtMost(media.download(target.toString()), title, "Confluence");
    }

    @Override
    public List<String> ancestorIds(PageView page) {
        List<String> ids = new ArrayList<>();
        client.cloudAncestors(page.id(), MAX_ANCESTORS).path("results").forEach(a -> ids.add(a.path("id").asText()));
        return ids;
    }

    @Override
    public JsonNode restrictions(String id) {
        return client.cloudRestrictions(id, ConfluenceDataCenterSite.RESTRICTION_EXPAND);
    }

    @Override
    public JsonNode viewRestriction(String id) {
        return client.cloudRestriction(id, "read", ConfluenceDataCenterSite.RESTRICTION_EXPAND + ",content");
    }

    @Override
    public Optional<String> noMoveAcrossSpaces() {
        return Optional.empty();
    }

    @Override
    public Call moveUnder(PageView page, String parentId) {
        return new Call("PUT", contentApi() + "/" + page.id() + "/move/append/" + parentId, null);
    }

    @Override
    public void move(PageView page, String parentId) {
        client.cloudMovePage(page.id(), "append", parentId);
    }

    @Override
    public Optional<String> noCopy() {
        return Optional.empty();
    }

    @Override
    public String copyPath(String id) {
        return contentApi() + "/" + id + "/copy";
    }

    @Override
    public JsonNode copyPage(String id, JsonNode copy) {
        return client.cloudCopyPage(id, copy);
    }
}

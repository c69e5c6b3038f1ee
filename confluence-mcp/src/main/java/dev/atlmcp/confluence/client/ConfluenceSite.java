package dev.atlmcp.confluence.client;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.platform.content.UploadedFile;

/**
 * The Confluence site as the services see it: one operation per thing they do, in Confluence's terms. Whether the site
 * is Cloud (REST v2 and v1 under {@code /wiki}, ADF bodies, account ids, cursors) or Data Center (REST v1, storage
 * format, usernames, offsets) is decided here and nowhere else: {@link ConfluenceCloudSite} and
 * {@link ConfluenceDataCenterSite}.
 */
public interface ConfluenceSite {

    /** A page of results and the cursor for the next one, null on the last. */
    record Page(JsonNode results, String next) {
    }

    /** One comment, its body as ADF. */
    record Comment(String id, String author, String when, JsonNode body, String parentId, String anchor,
            String resolution) {
    }

    /** A page's comments, footer and inline, each top-level comment followed by its replies. */
    record Comments(List<Comment> footer, List<Comment> inline) {
    }

    /** A page as it was at one version: its title and body as ADF. */
    record Snapshot(String title, JsonNode body) {
    }

    /** A request as write previews show it and as it is sent: method, path and body (null for none). */
    record Call(String method, String path, JsonNode body) {
    }

    // Paths as write previews show requests

    /** The v1 content API, {@code /rest/api/content} (Data Center) or {@code /wiki/rest/api/content} (Cloud). */
    String contentApi();

    /** Where an attachment is deleted, as write previews show it. */
    String attachmentApi(String attachmentId);

    /** Where pages are created. */
    String pagesPath();

    /** Where one page is updated. */
    String pagePath(String id);

    /** Where footer comments are added. */
    String footerCommentsPath();

    /** Where one comment is deleted. */
    String commentPath(String id, boolean inline);

    /** The site's web address that relative links start from. */
    String webRoot();

    /** The web link of a page or comment Confluence sent, made absolute. */
    String url(PageDtos.Links links);

    /** A link Confluence gave relative to {@code base}, or to the site's web address when null, made absolute. */
    String absolute(String base, String path);

    // Bodies in the format the site stores

    /** ADF as the site stores a page body: ADF JSON text on Cloud, storage format on Data Center. */
    String stored(ObjectNode adf);

    /** The stored body with what is under one top-level heading replaced by {@code adf}. */
    String replaceSection(String source, String heading, int occurrence, ObjectNode adf);

    /** The stored body with {@code adf} added at its end. */
    String append(String source, ObjectNode adf);

    // Pages and search

    /** The page with its space, version, labels and body; Confluence's own 404 when it does not exist. */
    PageView page(String id);

    /** What Confluence itself answers for a page that does not exist or that the account may not see. */
    List<String> pageNotFound(String id);

    /** A page of CQL search results, with excerpts. */
    SearchDtos.SearchPage search(String cql, int limit, String cursor);

    /** The cursor after a page of search results, null on the last. */
    String nextSearchCursor(SearchDtos.SearchPage page, String cursor);

    /** The body of a new page. */
    ObjectNode newPage(String spaceId, String spaceKey, String title, String parentId, ObjectNode adf);

    JsonNode createPage(JsonNode page);

    /** The body of an update to a page: new title, stored body, next version and its message. */
    ObjectNode pageUpdate(String id, String title, String stored, int version, String message);

    JsonNode updatePage(String id, JsonNode page);

    JsonNode restoreVersion(String id, JsonNode restore);

    /** A page of the page's versions, newest first. */
    Page versions(String id, int limit, String cursor);

    Snapshot pageAt(String id, int version);

    // Spaces and page trees

    /** One page of spaces, or the space with {@code key}; description and home page included. */
    Page spaces(String key, int limit, String cursor);

    /** Pages titled exactly {@code title} in a space. */
    JsonNode pagesTitled(String spaceId, String spaceKey, String title, int limit);

    /** The first page of a page's children. */
    JsonNode children(String id, int limit);

    // Labels

    JsonNode labels(String id, int limit);

    JsonNode addLabels(String id, JsonNode labels);

    void removeLabel(String id, String label);

    // Comments

    /** The body of a new footer comment on a page, or of a reply to {@code parentId}. */
    CommentDtos.NewComment footerComment(String pageId, String parentId, ObjectNode adf);

    CommentDtos.Created addFooterComment(CommentDtos.NewComment comment);

    /** The page a footer comment is on; Confluence's 404 when there is no such comment. */
    String commentPageId(String commentId);

    /** What moves on when someone comments on a page, as text: the newest comment, or the number of comments. */
    String commentState(String pageId);

    Comments comments(String pageId, int limit);

    /** Whether the site has an API for inline comments. */
    boolean takesInlineComments();

    /** Cloud only ({@link #takesInlineComments()}): {@code {"pageId", "body", "inlineCommentProperties"}}. */
    JsonNode addInlineComment(JsonNode comment);

    /** The comment; Confluence's 404 when it is gone. */
    JsonNode comment(String id, boolean inline);

    void deleteComment(String id, boolean inline);

    // Content properties

    /** The property with {@code key} of a page: {@code {"id", "key", "value", "version"}}, or empty. */
    Optional<JsonNode> pageProperty(String pageId, String key);

    void createPageProperty(String pageId, JsonNode property);

    void updatePageProperty(String pageId, String key, String propertyId, JsonNode property);

    /**
     * How many of a page's properties have keys starting with {@code prefix}, where writing one changes what a page
     * update must be based on (Data Center); empty where it does not.
     */
    Optional<Integer> countPageProperties(String pageId, String prefix, int pageSize, int maxPages);

    // People

    PageDtos.Person currentUser();

    /** Results of a CQL user search: {@code {"results": [{"user": {...}}]}}. */
    JsonNode findPeople(String cql, int limit);

    /** The id of a person the site sent: the account id on Cloud, the username on Data Center. */
    String personId(JsonNode user);

    /** Why the site cannot keep a list of a person's changes, where it cannot (Data Center has no user properties). */
    Optional<String> noPersonProperties();

    /** A property of one person ({@link #noPersonProperties()} says where there are none); 404 when unset. */
    JsonNode personProperty(String personId, String key);

    void createPersonProperty(String personId, String key, JsonNode value);

    void updatePersonProperty(String personId, String key, JsonNode value);

    // Attachments

    /** A page's attachments: {@code {"results": [...]}} in the site's shape. */
    JsonNode attachments(String pageId, int limit);

    /** Attaches a file to a page, with a comment shown beside it (or null): the new attachment's id. */
    String addAttachment(String pageId, UploadedFile file, String comment);

    /** Moves an attachment to the trash. */
    void deleteAttachment(String attachmentId);

    /** An attachment's bytes (Cloud stops reading at what {@code AttachmentReader} takes). */
    byte[] attachment(String pageId, String attachmentId, String title);

    // Blog posts

    /** A blog post with its space, version, labels and body; Confluence's own 404 when it does not exist. */
    PageView blogPost(String id);

    // Restrictions

    /** The ids of the pages above a page, the top of the space first. */
    List<String> ancestorIds(PageView page);

    /** Who may view ({@code read}) and edit ({@code update}) a page, in v1's {@code byOperation} shape. */
    JsonNode restrictions(String id);

    /** Who may view a page, with its title ({@code content.title}), in v1's shape of one operation. */
    JsonNode viewRestriction(String id);

    // Moving and copying

    /** Why the site cannot move a page to another space, where it cannot. */
    Optional<String> noMoveAcrossSpaces();

    /** The request that puts a page under another parent. */
    Call moveUnder(PageView page, String parentId);

    /** Sends {@link #moveUnder}'s request. */
    void move(PageView page, String parentId);

    /** Why the site cannot copy pages, where it cannot. */
    Optional<String> noCopy();

    /** Where a page is copied. */
    String copyPath(String id);

    /** Copies a page: the new page as v1 content ({@code id}, {@code title}, {@code _links.webui}). */
    JsonNode copyPage(String id, JsonNode copy);
}

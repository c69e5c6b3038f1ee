package dev.atlmcp.confluence.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.platform.audit.AtlassianCallRecorder;
import dev.atlmcp.platform.atlassian.AtlassianRequestFilter;
import dev.atlmcp.platform.atlassian.AtlassianResponseMapper;
import dev.atlmcp.platform.atlassian.RateLimitSignals;
import dev.atlmcp.platform.atlassian.AtlassianCalls;

/**
 * Confluence's REST APIs. Cloud: v2 for pages and spaces ({@code /wiki/api/v2}), v1 for CQL search
 * ({@code /wiki/rest/api/search}, cursor paging). Data Center: v1 at the site's context root ({@code /rest/api},
 * storage format, {@code start} offsets).
 */
@RegisterRestClient(configKey = "confluence")
@RegisterProvider(AtlassianRequestFilter.class)
@RegisterProvider(AtlassianResponseMapper.class)
@RegisterProvider(AtlassianCallRecorder.class)
@RegisterProvider(RateLimitSignals.class)
@AtlassianCalls
@Produces(MediaType.APPLICATION_JSON)
public interface ConfluenceClient {

    @GET
    @Path("/wiki/api/v2/pages/{id}")
    PageDtos.CloudPage cloudPage(@PathParam("id") String id, @QueryParam("body-format") String bodyFormat,
            @QueryParam("include-labels") boolean includeLabels);

    @GET
    @Path("/wiki/api/v2/spaces/{id}")
    PageDtos.CloudSpace cloudSpace(@PathParam("id") String id);

    @GET
    @Path("/wiki/rest/api/search")
    SearchDtos.SearchPage cloudSearch(@QueryParam("cql") String cql, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor, @QueryParam("excerpt") String excerpt);

    @GET
    @Path("/rest/api/content/{id}")
    PageDtos.DataCenterPage dataCenterPage(@PathParam("id") String id, @QueryParam("expand") String expand);

    @GET
    @Path("/rest/api/search")
    SearchDtos.SearchPage dataCenterSearch(@QueryParam("cql") String cql, @QueryParam("limit") int limit,
            @QueryParam("start") int start, @QueryParam("excerpt") String excerpt);

    @POST
    @Path("/wiki/api/v2/footer-comments")
    CommentDtos.Created addFooterComment(CommentDtos.NewFooterComment comment);

    @POST
    @Path("/rest/api/content")
    CommentDtos.Created addDataCenterComment(CommentDtos.NewDataCenterComment comment);

    @GET
    @Path("/wiki/api/v2/pages/{id}/footer-comments")
    CommentDtos.CommentList cloudFooterComments(@PathParam("id") String id, @QueryParam("sort") String sort,
            @QueryParam("limit") int limit);

    @GET
    @Path("/rest/api/content/{id}/child/comment")
    CommentDtos.CommentList dataCenterComments(@PathParam("id") String id, @QueryParam("start") int start,
            @QueryParam("limit") int limit);

    @GET
    @Path("/wiki/rest/api/user/current")
    PageDtos.Person cloudCurrentUser();

    @GET
    @Path("/rest/api/user/current")
    PageDtos.Person dataCenterCurrentUser();

    /** Cloud v2: a new version of a page; the body names the next version number. */
    @PUT
    @Path("/wiki/api/v2/pages/{id}")
    JsonNode updateCloudPage(@PathParam("id") String id, JsonNode page);

    /** Data Center v1: a new version of a page in storage format. */
    @PUT
    @Path("/rest/api/content/{id}")
    JsonNode updateDataCenterPage(@PathParam("id") String id, JsonNode page);

    /** v1 on both: {@code {"operationKey": "restore", "params": {"versionNumber": n, "message": ...}}}. */
    @POST
    @Path("/wiki/rest/api/content/{id}/version")
    JsonNode restoreCloudVersion(@PathParam("id") String id, JsonNode restore);

    @POST
    @Path("/rest/api/content/{id}/version")
    JsonNode restoreDataCenterVersion(@PathParam("id") String id, JsonNode restore);

    /**
     * Cloud v2: the page's properties named {@code key}, {@code {"results": [{"id", "key", "value", "version":
     * {"number"}}]}} (none if it has no such property).
     */
    @GET
    @Path("/wiki/api/v2/pages/{id}/properties")
    JsonNode cloudPageProperties(@PathParam("id") String id, @QueryParam("key") String key);

    /** Cloud v2: {@code {"key", "value"}}. */
    @POST
    @Path("/wiki/api/v2/pages/{id}/properties")
    JsonNode createCloudPageProperty(@PathParam("id") String id, JsonNode property);

    /** Cloud v2: {@code {"key", "value", "version": {"number"}}} with the next version number. */
    @PUT
    @Path("/wiki/api/v2/pages/{id}/properties/{propertyId}")
    JsonNode updateCloudPageProperty(@PathParam("id") String id, @PathParam("propertyId") String propertyId,
            JsonNode property);

    /** Data Center v1: {@code {"key", "value", "version": {"number"}}}; 404 if the page has none by that key. */
    @GET
    @Path("/rest/api/content/{id}/property/{key}")
    JsonNode dataCenterProperty(@PathParam("id") String id, @PathParam("key") String key);

    /**
     * A page's content properties, {@code start} and {@code limit} paged: {@code {"results": [{"key", ...}],
     * "_links"}}.
     */
    @GET
    @Path("/rest/api/content/{id}/property")
    JsonNode dataCenterProperties(@PathParam("id") String id, @QueryParam("start") int start,
            @QueryParam("limit") int limit);

    @POST
    @Path("/rest/api/content/{id}/property")
    JsonNode createDataCenterProperty(@PathParam("id") String id, JsonNode property);

    /** Data Center v1; needs the property's next version number. */
    @PUT
    @Path("/rest/api/content/{id}/property/{key}")
    JsonNode updateDataCenterProperty(@PathParam("id") String id, @PathParam("key") String key, JsonNode property);

    /** Cloud only: a property of the calling account. */
    @GET
    @Path("/wiki/rest/api/user/{accountId}/property/{key}")
    JsonNode userProperty(@PathParam("accountId") String accountId, @PathParam("key") String key);

    @POST
    @Path("/wiki/rest/api/user/{accountId}/property/{key}")
    void createUserProperty(@PathParam("accountId") String accountId, @PathParam("key") String key, JsonNode value);

    @PUT
    @Path("/wiki/rest/api/user/{accountId}/property/{key}")
    void updateUserProperty(@PathParam("accountId") String accountId, @PathParam("key") String key, JsonNode value);

    /** v1 on both: {@code [{"prefix": "global", "name": ...}]}. */
    @POST
    @Path("/wiki/rest/api/content/{id}/label")
    JsonNode addCloudLabels(@PathParam("id") String id, JsonNode labels);

    @POST
    @Path("/rest/api/content/{id}/label")
    JsonNode addDataCenterLabels(@PathParam("id") String id, JsonNode labels);

    /** Cloud v2: one footer comment; 404 once deleted. */
    @GET
    @Path("/wiki/api/v2/footer-comments/{id}")
    JsonNode cloudFooterComment(@PathParam("id") String id);

    @DELETE
    @Path("/wiki/api/v2/footer-comments/{id}")
    void deleteFooterComment(@PathParam("id") String id);

    /** Data Center v1: any content by id, a comment included. */
    @GET
    @Path("/rest/api/content/{id}")
    JsonNode dataCenterComment(@PathParam("id") String id);

    @DELETE
    @Path("/rest/api/content/{id}")
    void deleteDataCenterContent(@PathParam("id") String id);

    /** Cloud v2: spaces, all or by key: {@code {"results": [{"id", "key", "name", "homepageId", ...}], "_links"}}. */
    @GET
    @Path("/wiki/api/v2/spaces")
    JsonNode cloudSpaces(@QueryParam("keys") String keys, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor, @QueryParam("description-format") String descriptionFormat);

    /** Cloud v2: pages of a space with exactly this title. */
    @GET
    @Path("/wiki/api/v2/pages")
    JsonNode cloudPagesTitled(@QueryParam("space-id") String spaceId, @QueryParam("title") String title,
            @QueryParam("limit") int limit);

    @GET
    @Path("/wiki/api/v2/pages/{id}/children")
    JsonNode cloudChildren(@PathParam("id") String id, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);

    @GET
    @Path("/wiki/api/v2/pages/{id}/labels")
    JsonNode cloudLabels(@PathParam("id") String id, @QueryParam("limit") int limit);

    /** Cloud v2: {@code {"spaceId", "status", "title", "parentId", "body": {"representation", "value"}}}. */
    @POST
    @Path("/wiki/api/v2/pages")
    JsonNode createCloudPage(JsonNode page);

    /** Data Center v1: spaces, all or those named by {@code spaceKey}, paged by {@code start}. */
    @GET
    @Path("/rest/api/space")
    JsonNode dataCenterSpaces(@QueryParam("spaceKey") String key, @QueryParam("start") int start,
            @QueryParam("limit") int limit, @QueryParam("expand") String expand);

    /** Data Center v1: pages of a space with exactly this title. */
    @GET
    @Path("/rest/api/content")
    JsonNode dataCenterPagesTitled(@QueryParam("spaceKey") String spaceKey, @QueryParam("title") String title,
            @QueryParam("type") String type, @QueryParam("limit") int limit);

    @GET
    @Path("/rest/api/content/{id}/child/page")
    JsonNode dataCenterChildren(@PathParam("id") String id, @QueryParam("start") int start,
            @QueryParam("limit") int limit);

    @GET
    @Path("/rest/api/content/{id}/label")
    JsonNode dataCenterLabels(@PathParam("id") String id, @QueryParam("limit") int limit);

    /** Data Center v1: {@code {"type": "page", "title", "space": {"key"}, "ancestors": [{"id"}], "body": ...}}. */
    @POST
    @Path("/rest/api/content")
    JsonNode createDataCenterPage(JsonNode page);

    /** v1 on both: removes one label from a page. */
    @DELETE
    @Path("/wiki/rest/api/content/{id}/label/{label}")
    void removeCloudLabel(@PathParam("id") String id, @PathParam("label") String label);

    @DELETE
    @Path("/rest/api/content/{id}/label/{label}")
    void removeDataCenterLabel(@PathParam("id") String id, @PathParam("label") String label);

    /** Cloud v2: a page as it was at one version. */
    @GET
    @Path("/wiki/api/v2/pages/{id}")
    PageDtos.CloudPage cloudPageAt(@PathParam("id") String id, @QueryParam("body-format") String bodyFormat,
            @QueryParam("version") int version);

    /** Cloud v2: a page's versions, newest first: {@code {"results": [{"number", "message", "authorId", ...}]}}. */
    @GET
    @Path("/wiki/api/v2/pages/{id}/versions")
    JsonNode cloudVersions(@PathParam("id") String id, @QueryParam("limit") int limit,
            @QueryParam("cursor") String cursor);

    /** Data Center v1: a page as it was at one version. */
    @GET
    @Path("/rest/api/content/{id}")
    PageDtos.DataCenterPage dataCenterPageAt(@PathParam("id") String id, @QueryParam("status") String status,
            @QueryParam("version") int version, @QueryParam("expand") String expand);

    /**
     * Data Center v1: a page's versions, newest first: {@code {"results": [{"number", "by", "when", ...}]}}.
     * [UNVERIFIED against a live site]
     */
    @GET
    @Path("/rest/api/content/{id}/version")
    JsonNode dataCenterVersions(@PathParam("id") String id, @QueryParam("start") int start,
            @QueryParam("limit") int limit);

    /** Cloud v2: a page's top-level footer or inline comments ({@code kind}) with their bodies. */
    @GET
    @Path("/wiki/api/v2/pages/{id}/{kind}")
    JsonNode cloudComments(@PathParam("id") String id, @PathParam("kind") String kind,
            @QueryParam("body-format") String bodyFormat, @QueryParam("limit") int limit);

    /** Cloud v2: the replies to a footer or inline comment ({@code kind}). [UNVERIFIED against a live site] */
    @GET
    @Path("/wiki/api/v2/{kind}/{id}/children")
    JsonNode cloudReplies(@PathParam("kind") String kind, @PathParam("id") String id,
            @QueryParam("body-format") String bodyFormat, @QueryParam("limit") int limit);

    /**
     * Data Center v1: every comment of a page, replies and inline ones included, oldest first; inline ones carry
     * {@code extensions.location}, {@code inlineProperties} and {@code resolution}. [UNVERIFIED against a live site]
     */
    @GET
    @Path("/rest/api/content/{id}/child/comment")
    JsonNode dataCenterCommentThreads(@PathParam("id") String id, @QueryParam("expand") String expand,
            @QueryParam("depth") String depth, @QueryParam("start") int start, @QueryParam("limit") int limit);

    /** Cloud v2: {@code {"pageId", "body", "inlineCommentProperties": {"textSelection", ...}}}. */
    @POST
    @Path("/wiki/api/v2/inline-comments")
    JsonNode addInlineComment(JsonNode comment);

    /** Cloud v2: one inline comment; 404 once deleted. */
    @GET
    @Path("/wiki/api/v2/inline-comments/{id}")
    JsonNode cloudInlineComment(@PathParam("id") String id);

    @DELETE
    @Path("/wiki/api/v2/inline-comments/{id}")
    void deleteInlineComment(@PathParam("id") String id);

    /** Cloud v2: {@code {"results": [{"id", "title", "mediaType", "fileSize", "createdAt", "version", ...}]}}. */
    @GET
    @Path("/wiki/api/v2/pages/{id}/attachments")
    JsonNode cloudAttachments(@PathParam("id") String id, @QueryParam("limit") int limit);

    /** Data Center v1: {@code {"results": [{"id", "title", "extensions": {"mediaType", "fileSize"}, ...}]}}. */
    @GET
    @Path("/rest/api/content/{id}/child/attachment")
    JsonNode dataCenterAttachments(@PathParam("id") String id, @QueryParam("limit") int limit,
            @QueryParam("expand") String expand);

    /**
     * Cloud v1: answers 302 with the {@code Location} of a signed URL on Atlassian's media store
     * ({@link MediaDownloads}), which is fetched without the site's credentials.
     */
    @GET
    @Path("/wiki/rest/api/content/{id}/child/attachment/{attachmentId}/download")
    @Produces(MediaType.WILDCARD)
    jakarta.ws.rs.core.Response cloudAttachmentDownload(@PathParam("id") String pageId,
            @PathParam("attachmentId") String attachmentId);

    /**
     * Attaches a file to a page (multipart part {@code file}); v1 on both, Cloud under {@code /wiki}. Confluence
     * refuses the request without {@code X-Atlassian-Token: nocheck} (its XSRF check).
     */
    @POST
    @Path("/wiki/rest/api/content/{id}/child/attachment")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @ClientHeaderParam(name = "X-Atlassian-Token", value = "nocheck")
    JsonNode cloudAddAttachment(@PathParam("id") String pageId, ClientMultipartForm file);

    @POST
    @Path("/rest/api/content/{id}/child/attachment")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @ClientHeaderParam(name = "X-Atlassian-Token", value = "nocheck")
    JsonNode dataCenterAddAttachment(@PathParam("id") String pageId, ClientMultipartForm file);

    /** Cloud: moves an attachment to the trash. */
    @DELETE
    @Path("/wiki/api/v2/attachments/{id}")
    void cloudDeleteAttachment(@PathParam("id") String id);

    @GET
    @Path("/download/attachments/{pageId}/{file}")
    @Produces(MediaType.WILDCARD)
    byte[] downloadDataCenterAttachment(@PathParam("pageId") String pageId, @PathParam("file") String file);

    /** Cloud v1: people found by CQL ({@code type = user AND user.fullname ~ "..."}). */
    @GET
    @Path("/wiki/rest/api/search/user")
    JsonNode cloudUserSearch(@QueryParam("cql") String cql, @QueryParam("limit") int limit);

    /** Data Center v1: the same CQL through the general search. [UNVERIFIED against a live site] */
    @GET
    @Path("/rest/api/search")
    JsonNode dataCenterUserSearch(@QueryParam("cql") String cql, @QueryParam("limit") int limit);

    /** Cloud v2: a blog post, in a page's shape without a parent. */
    @GET
    @Path("/wiki/api/v2/blogposts/{id}")
    PageDtos.CloudPage cloudBlogPost(@PathParam("id") String id, @QueryParam("body-format") String bodyFormat,
            @QueryParam("include-labels") boolean includeLabels);

    /** Cloud v2: a page's ancestors, the top of the space first: {@code {"results": [{"id", "type"}]}}. */
    @GET
    @Path("/wiki/api/v2/pages/{id}/ancestors")
    JsonNode cloudAncestors(@PathParam("id") String id, @QueryParam("limit") int limit);

    /**
     * v1 on both: who may view ({@code read}) and edit ({@code update}) a page: {@code {"read": {"restrictions":
     * {"user": {"results"}, "group": {"results"}}}, "update": ...}}.
     */
    @GET
    @Path("/wiki/rest/api/content/{id}/restriction/byOperation")
    JsonNode cloudRestrictions(@PathParam("id") String id, @QueryParam("expand") String expand);

    @GET
    @Path("/rest/api/content/{id}/restriction/byOperation")
    JsonNode dataCenterRestrictions(@PathParam("id") String id, @QueryParam("expand") String expand);

    /** v1 on both: one operation's restrictions, with the content's title when {@code expand} names content. */
    @GET
    @Path("/wiki/rest/api/content/{id}/restriction/byOperation/{operation}")
    JsonNode cloudRestriction(@PathParam("id") String id, @PathParam("operation") String operation,
            @QueryParam("expand") String expand);

    @GET
    @Path("/rest/api/content/{id}/restriction/byOperation/{operation}")
    JsonNode dataCenterRestriction(@PathParam("id") String id, @PathParam("operation") String operation,
            @QueryParam("expand") String expand);

    /** Cloud v1: moves a page under ({@code append}) or beside ({@code before}, {@code after}) a target page. */
    @PUT
    @Path("/wiki/rest/api/content/{id}/move/{position}/{targetId}")
    JsonNode cloudMovePage(@PathParam("id") String id, @PathParam("position") String position,
            @PathParam("targetId") String targetId);

    /**
     * Cloud v1: copies a page: {@code {"destination": {"type": "parent_page", "value"}, "pageTitle", "copy...": b}}.
     */
    @POST
    @Path("/wiki/rest/api/content/{id}/copy")
    JsonNode cloudCopyPage(@PathParam("id") String id, JsonNode copy);
}

package dev.atlmcp.jira.client;

import java.util.List;

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
import dev.atlmcp.platform.atlassian.ReadRequest;

/**
 * Jira's REST API: platform v3 on Cloud, v2 on Data Center ({@code version} path parameter). Search uses
 * {@code /search/jql} on Cloud (the old {@code /search} is gone there) and {@code /search} on Data Center.
 */
@RegisterRestClient(configKey = "jira")
@RegisterProvider(AtlassianRequestFilter.class)
@RegisterProvider(AtlassianResponseMapper.class)
@RegisterProvider(AtlassianCallRecorder.class)
@RegisterProvider(RateLimitSignals.class)
@AtlassianCalls
@Path("/rest/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface JiraClient {

    @GET
    @Path("/{version}/issue/{key}")
    IssueDto getIssue(@PathParam("version") String version, @PathParam("key") String key,
            @QueryParam("fields") String fields, @QueryParam("expand") String expand);

    /** The issue as Jira sends it, for edits: field values in their raw shapes, and {@code editmeta} when expanded. */
    @GET
    @Path("/{version}/issue/{key}")
    JsonNode getIssueJson(@PathParam("version") String version, @PathParam("key") String key,
            @QueryParam("fields") String fields, @QueryParam("expand") String expand);

    /** Cloud: JQL search paged by {@code nextPageToken}. */
    @POST
    @ReadRequest
    @Path("/3/search/jql")
    SearchDtos.TokenPage searchJql(SearchDtos.TokenQuery query);

    /** Data Center: JQL search paged by {@code startAt}. */
    @POST
    @ReadRequest
    @Path("/2/search")
    SearchDtos.OffsetPage search(SearchDtos.OffsetQuery query);

    @POST
    @Path("/{version}/issue/{key}/comment")
    IssueDto.Comment addComment(@PathParam("version") String version, @PathParam("key") String key,
            JsonNode comment);

    /** The transitions open from the issue's status; with {@code transitions.fields}, each screen's fields. */
    @GET
    @Path("/{version}/issue/{key}/transitions")
    JsonNode getTransitions(@PathParam("version") String version, @PathParam("key") String key,
            @QueryParam("expand") String expand);

    /** {@code {"transition": {"id"}, "fields", "update", "properties"}}. */
    @POST
    @Path("/{version}/issue/{key}/transitions")
    void transition(@PathParam("version") String version, @PathParam("key") String key, JsonNode transition);

    /** Cloud: the projects the account can browse, paged ({@code values}, {@code isLast}). */
    @GET
    @Path("/3/project/search")
    JsonNode searchProjects(@QueryParam("startAt") int startAt, @QueryParam("maxResults") int maxResults);

    /** Data Center: every project the account can browse, as one list. */
    @GET
    @Path("/2/project")
    List<ProjectDto> allProjects();

    @GET
    @Path("/{version}/project/{key}")
    ProjectDto getProject(@PathParam("version") String version, @PathParam("key") String key);

    /** A project's versions, a page: {@code {"values", "total", "isLast"}}; the same on Cloud and Data Center. */
    @GET
    @Path("/{version}/project/{key}/version")
    JsonNode projectVersions(@PathParam("version") String version, @PathParam("key") String key,
            @QueryParam("startAt") int startAt, @QueryParam("maxResults") int maxResults,
            @QueryParam("status") String status, @QueryParam("orderBy") String orderBy);

    /** {@code {"name", "projectId", "description", "startDate", "releaseDate", "released"}}. */
    @POST
    @Path("/{version}/version")
    JsonNode createVersion(@PathParam("version") String version, JsonNode body);

    @GET
    @Path("/{version}/version/{id}")
    JsonNode getVersion(@PathParam("version") String version, @PathParam("id") String id);

    @DELETE
    @Path("/{version}/version/{id}")
    void deleteVersion(@PathParam("version") String version, @PathParam("id") String id);

    /** Deletes a version, moving the issues that name it to the versions the body names, if any. */
    @POST
    @Path("/{version}/version/{id}/removeAndSwap")
    void removeAndSwapVersion(@PathParam("version") String version, @PathParam("id") String id, JsonNode body);

    /** {@code {"issuesFixedCount", "issuesAffectedCount", "issueCountWithCustomFieldsShowingVersion"}}. */
    @GET
    @Path("/{version}/version/{id}/relatedIssueCounts")
    JsonNode versionIssueCounts(@PathParam("version") String version, @PathParam("id") String id);

    /** The body is a JSON string: the account id (Cloud) or username (Data Center). */
    @POST
    @Path("/{version}/issue/{key}/watchers")
    void addWatcher(@PathParam("version") String version, @PathParam("key") String key, JsonNode who);

    @DELETE
    @Path("/{version}/issue/{key}/watchers")
    void removeWatcher(@PathParam("version") String version, @PathParam("key") String key,
            @QueryParam("accountId") String accountId, @QueryParam("username") String username);

    /** {@code {"watchCount", "watchers": [users]}}. */
    @GET
    @Path("/{version}/issue/{key}/watchers")
    JsonNode getWatchers(@PathParam("version") String version, @PathParam("key") String key);

    /** {@code {"timeSpent", "started", "comment"}}; answers the worklog with its id. */
    @POST
    @Path("/{version}/issue/{key}/worklog")
    JsonNode addWorklog(@PathParam("version") String version, @PathParam("key") String key, JsonNode worklog);

    /** Oldest first: {@code {"startAt", "maxResults", "total", "worklogs": [...]}}. */
    @GET
    @Path("/{version}/issue/{key}/worklog")
    JsonNode getWorklogs(@PathParam("version") String version, @PathParam("key") String key,
            @QueryParam("startAt") int startAt, @QueryParam("maxResults") int maxResults);

    @GET
    @Path("/{version}/issue/{key}/worklog/{id}")
    JsonNode getWorklog(@PathParam("version") String version, @PathParam("key") String key,
            @PathParam("id") String id);

    @DELETE
    @Path("/{version}/issue/{key}/worklog/{id}")
    void deleteWorklog(@PathParam("version") String version, @PathParam("key") String key,
            @PathParam("id") String id);

    /** {@code {"object": {"url", "title"}}}; answers {@code {"id", "self"}}. */
    @POST
    @Path("/{version}/issue/{key}/remotelink")
    JsonNode addRemoteLink(@PathParam("version") String version, @PathParam("key") String key, JsonNode link);

    @GET
    @Path("/{version}/issue/{key}/remotelink")
    JsonNode getRemoteLinks(@PathParam("version") String version, @PathParam("key") String key);

    @DELETE
    @Path("/{version}/issue/{key}/remotelink/{id}")
    void deleteRemoteLink(@PathParam("version") String version, @PathParam("key") String key,
            @PathParam("id") String id);

    /** {@code {"issueLinkTypes": [{"id", "name", "inward", "outward"}]}}. */
    @GET
    @Path("/{version}/issueLinkType")
    JsonNode linkTypes(@PathParam("version") String version);

    /** {@code {"type": {"name"}, "inwardIssue": {"key"}, "outwardIssue": {"key"}}}; answers 201 without a body. */
    @POST
    @Path("/{version}/issueLink")
    void linkIssues(@PathParam("version") String version, JsonNode link);

    @DELETE
    @Path("/{version}/issueLink/{id}")
    void deleteLink(@PathParam("version") String version, @PathParam("id") String id);

    /** {@code {"id", "key", "self"}} of the new issue. */
    @POST
    @Path("/{version}/issue")
    JsonNode createIssue(@PathParam("version") String version, JsonNode issue);

    /** The issue types a project offers for creating: under {@code issueTypes} (Cloud) or {@code values} (DC). */
    @GET
    @Path("/{version}/issue/createmeta/{project}/issuetypes")
    JsonNode createMetaTypes(@PathParam("version") String version, @PathParam("project") String project,
            @QueryParam("maxResults") int maxResults);

    /** The create screen's fields: under {@code fields} (Cloud) or {@code values} (DC). */
    @GET
    @Path("/{version}/issue/createmeta/{project}/issuetypes/{type}")
    JsonNode createMetaFields(@PathParam("version") String version, @PathParam("project") String project,
            @PathParam("type") String typeId, @QueryParam("maxResults") int maxResults);

    /**
     * Cloud: an attachment's bytes; {@code redirect=false} asks for the content instead of a redirect to the media
     * store. Data Center has no such operation ({@link JiraDataCenterFiles}).
     */
    @GET
    @Path("/{version}/attachment/content/{id}")
    @Produces(MediaType.WILDCARD)
    byte[] attachmentContent(@PathParam("version") String version, @PathParam("id") String id,
            @QueryParam("redirect") boolean redirect);

    /**
     * Attaches a file (multipart part {@code file}): {@code [{"id", "filename", "size", "mimeType", ...}]}. Jira
     * refuses the request without {@code X-Atlassian-Token: no-check} (its XSRF check), on Cloud and Data Center alike.
     */
    @POST
    @Path("/{version}/issue/{key}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @ClientHeaderParam(name = "X-Atlassian-Token", value = "no-check")
    JsonNode addAttachment(@PathParam("version") String version, @PathParam("key") String key,
            ClientMultipartForm file);

    @DELETE
    @Path("/{version}/attachment/{id}")
    void deleteAttachment(@PathParam("version") String version, @PathParam("id") String id);

    /** Cloud: the issue's history, oldest first: {@code {"values", "total", "isLast"}}. */
    @GET
    @Path("/3/issue/{key}/changelog")
    JsonNode getChangelog(@PathParam("key") String key, @QueryParam("startAt") int startAt,
            @QueryParam("maxResults") int maxResults);

    /** Oldest first, paged by {@code startAt}. */
    @GET
    @Path("/{version}/issue/{key}/comment")
    IssueDto.Comments getComments(@PathParam("version") String version, @PathParam("key") String key,
            @QueryParam("startAt") int startAt, @QueryParam("maxResults") int maxResults);

    @GET
    @Path("/{version}/issue/{key}/comment/{id}")
    IssueDto.Comment getComment(@PathParam("version") String version, @PathParam("key") String key,
            @PathParam("id") String id);

    @PUT
    @Path("/{version}/issue/{key}/comment/{id}")
    IssueDto.Comment editComment(@PathParam("version") String version, @PathParam("key") String key,
            @PathParam("id") String id, JsonNode comment);

    @DELETE
    @Path("/{version}/issue/{key}/comment/{id}")
    void deleteComment(@PathParam("version") String version, @PathParam("key") String key,
            @PathParam("id") String id);

    /** {@code {"key": ..., "value": ...}}; 404 if the issue has no such property. */
    @GET
    @Path("/{version}/issue/{key}/properties/{property}")
    JsonNode getIssueProperty(@PathParam("version") String version, @PathParam("key") String key,
            @PathParam("property") String property);

    @PUT
    @Path("/{version}/issue/{key}/properties/{property}")
    void putIssueProperty(@PathParam("version") String version, @PathParam("key") String key,
            @PathParam("property") String property, JsonNode value);

    /** A property of one account: {@code accountId} on Cloud, {@code username} on Data Center. */
    @GET
    @Path("/{version}/user/properties/{property}")
    JsonNode getUserProperty(@PathParam("version") String version, @PathParam("property") String property,
            @QueryParam("accountId") String accountId, @QueryParam("username") String username);

    @PUT
    @Path("/{version}/user/properties/{property}")
    void putUserProperty(@PathParam("version") String version, @PathParam("property") String property,
            @QueryParam("accountId") String accountId, @QueryParam("username") String username, JsonNode value);

    @PUT
    @Path("/{version}/issue/{key}")
    void editIssue(@PathParam("version") String version, @PathParam("key") String key, JsonNode edit);

    @GET
    @Path("/{version}/myself")
    IssueDto.User myself(@PathParam("version") String version);

    /** Every field of the site, system and custom: {@code [{"id", "name", "custom", "schema"}]}. */
    @GET
    @Path("/{version}/field")
    JsonNode fields(@PathParam("version") String version);

    /** Cloud: prefix match on display name and email. */
    @GET
    @Path("/3/user/search")
    List<IssueDto.User> searchUsers(@QueryParam("query") String query, @QueryParam("maxResults") int maxResults);

    /** Data Center: prefix match on username, name and email. */
    @GET
    @Path("/2/user/search")
    List<IssueDto.User> searchUsersByUsername(@QueryParam("username") String username,
            @QueryParam("maxResults") int maxResults);
}

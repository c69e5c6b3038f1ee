package dev.atlmcp.jira.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.platform.audit.AtlassianCallRecorder;
import dev.atlmcp.platform.atlassian.AtlassianRequestFilter;
import dev.atlmcp.platform.atlassian.AtlassianResponseMapper;
import dev.atlmcp.platform.atlassian.RateLimitSignals;
import dev.atlmcp.platform.atlassian.AtlassianCalls;

/** Jira Software's Agile REST API, the same on Cloud and Data Center: boards, sprints, moving issues. */
@RegisterRestClient(configKey = "jira")
@RegisterProvider(AtlassianRequestFilter.class)
@RegisterProvider(AtlassianResponseMapper.class)
@RegisterProvider(AtlassianCallRecorder.class)
@RegisterProvider(RateLimitSignals.class)
@AtlassianCalls
@Path("/rest/agile/1.0")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AgileClient {

    /** {@code {"values": [{"id", "name", "type", "location": {"projectKey"}}], "isLast"}}. */
    @GET
    @Path("/board")
    JsonNode boards(@QueryParam("projectKeyOrId") String project, @QueryParam("startAt") int startAt,
            @QueryParam("maxResults") int maxResults);

    /** {@code {"values": [{"id", "name", "state", "startDate", "endDate", "goal"}], "isLast"}}. */
    @GET
    @Path("/board/{id}/sprint")
    JsonNode sprints(@PathParam("id") String boardId, @QueryParam("state") String state,
            @QueryParam("startAt") int startAt, @QueryParam("maxResults") int maxResults);

    /** {@code {"id", "name", "type", "location": {"projectKey"}}}. */
    @GET
    @Path("/board/{id}")
    JsonNode board(@PathParam("id") String boardId);

    /** {@code {"id", "name", "state", "originBoardId", "goal", ...}}. */
    @GET
    @Path("/sprint/{id}")
    JsonNode sprint(@PathParam("id") String sprintId);

    /** Search-style page: {@code {"issues", "total", "startAt", "maxResults"}}; {@code jql} narrows the issues. */
    @GET
    @Path("/sprint/{id}/issue")
    SearchDtos.OffsetPage sprintIssues(@PathParam("id") String sprintId, @QueryParam("startAt") int startAt,
            @QueryParam("maxResults") int maxResults, @QueryParam("fields") String fields,
            @QueryParam("jql") String jql);

    /** {@code {"issues": [keys]}}, at most 50. */
    @POST
    @Path("/sprint/{id}/issue")
    void moveToSprint(@PathParam("id") String sprintId, JsonNode issues);

    @POST
    @Path("/backlog/issue")
    void moveToBacklog(JsonNode issues);

    /** The issue with its current {@code sprint} (null in the backlog). */
    @GET
    @Path("/issue/{key}")
    JsonNode issue(@PathParam("key") String key, @QueryParam("fields") String fields);
}

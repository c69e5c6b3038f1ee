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

import dev.atlmcp.platform.atlassian.AtlassianCalls;
import dev.atlmcp.platform.atlassian.AtlassianRequestFilter;
import dev.atlmcp.platform.atlassian.AtlassianResponseMapper;
import dev.atlmcp.platform.atlassian.RateLimitSignals;
import dev.atlmcp.platform.audit.AtlassianCallRecorder;

/**
 * Jira Service Management's REST API, the same on Cloud and Data Center. Lists are pages of {@code {"values", "start",
 * "limit", "isLastPage"}}. No published description is vendored [UNVERIFIED against a live site].
 */
@RegisterRestClient(configKey = "jira")
@RegisterProvider(AtlassianRequestFilter.class)
@RegisterProvider(AtlassianResponseMapper.class)
@RegisterProvider(AtlassianCallRecorder.class)
@RegisterProvider(RateLimitSignals.class)
@AtlassianCalls
@Path("/rest/servicedeskapi")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ServiceDeskClient {

    /** {@code {"values": [{"id", "projectId", "projectKey", "projectName"}]}}. */
    @GET
    @Path("/servicedesk")
    JsonNode serviceDesks(@QueryParam("start") int start, @QueryParam("limit") int limit);

    /** {@code {"values": [{"id", "name", "description", "issueTypeId"}]}}. */
    @GET
    @Path("/servicedesk/{id}/requesttype")
    JsonNode requestTypes(@PathParam("id") String serviceDeskId, @QueryParam("start") int start,
            @QueryParam("limit") int limit);

    /**
     * {@code {"requestTypeFields": [{"fieldId", "name", "required", "validValues": [{"value", "label"}], "jiraSchema":
     * {"type"}}]}}.
     */
    @GET
    @Path("/servicedesk/{id}/requesttype/{typeId}/field")
    JsonNode requestTypeFields(@PathParam("id") String serviceDeskId, @PathParam("typeId") String requestTypeId);

    /** {@code {"values": [{"id", "name", "jql", "issueCount"}]}}. */
    @GET
    @Path("/servicedesk/{id}/queue")
    JsonNode queues(@PathParam("id") String serviceDeskId, @QueryParam("includeCount") boolean includeCount,
            @QueryParam("start") int start, @QueryParam("limit") int limit);

    /** {@code {"values": [{"id", "key", "fields": {"summary", "status", "issuetype", "reporter", ...}}]}}. */
    @GET
    @Path("/servicedesk/{id}/queue/{queueId}/issue")
    JsonNode queueIssues(@PathParam("id") String serviceDeskId, @PathParam("queueId") String queueId,
            @QueryParam("start") int start, @QueryParam("limit") int limit);

    /** {@code {"serviceDeskId", "requestTypeId", "requestFieldValues": {"summary", "description", ...}}}. */
    @POST
    @Path("/request")
    JsonNode createRequest(JsonNode request);

    /**
     * {@code {"issueKey", "requestTypeId", "reporter", "requestFieldValues", "currentStatus", "sla", "participants"}}
     * with {@code expand=participant,sla,requestType}.
     */
    @GET
    @Path("/request/{key}")
    JsonNode request(@PathParam("key") String issueKey, @QueryParam("expand") String expand);

    /** {@code {"values": [{"id", "body", "public", "author", "created"}]}}. */
    @GET
    @Path("/request/{key}/comment")
    JsonNode comments(@PathParam("key") String issueKey, @QueryParam("public") boolean publicComments,
            @QueryParam("internal") boolean internalComments, @QueryParam("start") int start,
            @QueryParam("limit") int limit);

    /** {@code {"body", "public"}}: a reply the customer sees, or an internal note only agents see. */
    @POST
    @Path("/request/{key}/comment")
    JsonNode addComment(@PathParam("key") String issueKey, JsonNode comment);
}

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
import dev.atlmcp.platform.atlassian.ReadRequest;
import dev.atlmcp.platform.audit.AtlassianCallRecorder;

/**
 * Assets, the Jira Service Management CMDB, read-only. Cloud: the workspace from the JSM API, objects on the API
 * gateway ({@code /gateway/api/jsm/assets/...} on the site, {@code /jsm/assets/...} on the gateway); Data Center:
 * {@code /rest/insight/1.0}. No published description is vendored [UNVERIFIED against a live site].
 */
@RegisterRestClient(configKey = "jira")
@RegisterProvider(AtlassianRequestFilter.class)
@RegisterProvider(AtlassianResponseMapper.class)
@RegisterProvider(AtlassianCallRecorder.class)
@RegisterProvider(RateLimitSignals.class)
@AtlassianCalls
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AssetsClient {

    /** Cloud: {@code {"values": [{"workspaceId"}]}}. */
    @GET
    @Path("/rest/servicedeskapi/assets/workspace")
    JsonNode cloudWorkspaces();

    /** Cloud: {@code {"qlQuery"}} in, {@code {"values", "total", "isLast"}} out. */
    @POST
    @ReadRequest
    @Path("/gateway/api/jsm/assets/workspace/{workspaceId}/v1/object/aql")
    JsonNode cloudAql(@PathParam("workspaceId") String workspaceId, @QueryParam("startAt") int startAt,
            @QueryParam("maxResults") int maxResults, @QueryParam("includeAttributes") boolean includeAttributes,
            JsonNode query);

    /** Cloud: {@code {"id", "objectKey", "label", "objectType", "attributes"}}. */
    @GET
    @Path("/gateway/api/jsm/assets/workspace/{workspaceId}/v1/object/{id}")
    JsonNode cloudObject(@PathParam("workspaceId") String workspaceId, @PathParam("id") String id);

    /** Data Center: {@code {"objectEntries", "totalFilterCount"}}; pages count from 1. */
    @GET
    @Path("/rest/insight/1.0/aql/objects")
    JsonNode dataCenterAql(@QueryParam("qlQuery") String aql, @QueryParam("page") int page,
            @QueryParam("resultPerPage") int resultPerPage, @QueryParam("includeAttributes") boolean includeAttributes);

    @GET
    @Path("/rest/insight/1.0/object/{id}")
    JsonNode dataCenterObject(@PathParam("id") String id);
}

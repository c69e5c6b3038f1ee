package dev.atlmcp.jira.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
 * The development panel's data: Jira's internal {@code dev-status} API, the same on Cloud and Data Center. It has no
 * published description; the shapes are those public clients read [UNVERIFIED against a live site].
 */
@RegisterRestClient(configKey = "jira")
@RegisterProvider(AtlassianRequestFilter.class)
@RegisterProvider(AtlassianResponseMapper.class)
@RegisterProvider(AtlassianCallRecorder.class)
@RegisterProvider(RateLimitSignals.class)
@AtlassianCalls
@Path("/rest/dev-status/latest/issue")
@Produces(MediaType.APPLICATION_JSON)
public interface DevStatusClient {

    /**
     * How much of each kind there is, by source-code tool: {@code {"summary": {"branch" | "pullrequest" | "repository":
     * {"overall": {"count"}, "byInstanceType": {"<type>": {"count", "name"}}}}}}.
     */
    @GET
    @Path("/summary")
    JsonNode summary(@QueryParam("issueId") String issueId);

    /**
     * One kind ({@code branch}, {@code pullrequest} or {@code repository} for commits) from one tool: {@code {"detail":
     * [{"branches", "pullRequests", "repositories": [{"commits"}]}], "errors"}}.
     */
    @GET
    @Path("/detail")
    JsonNode detail(@QueryParam("issueId") String issueId, @QueryParam("applicationType") String applicationType,
            @QueryParam("dataType") String dataType);
}

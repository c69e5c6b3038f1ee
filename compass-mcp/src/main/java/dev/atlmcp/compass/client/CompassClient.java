package dev.atlmcp.compass.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

import dev.atlmcp.platform.audit.AtlassianCallRecorder;
import dev.atlmcp.platform.atlassian.AtlassianRequestFilter;
import dev.atlmcp.platform.atlassian.AtlassianResponseMapper;
import dev.atlmcp.platform.atlassian.RateLimitSignals;
import dev.atlmcp.platform.atlassian.AtlassianCalls;
import dev.atlmcp.platform.atlassian.ReadRequest;

/**
 * Compass through the site's GraphQL gateway ({@code /gateway/api/graphql}, Basic email + API token). The experimental
 * opt-in header is sent on every call, as Atlassian's own SDK does.
 */
@RegisterRestClient(configKey = "compass")
@RegisterProvider(AtlassianRequestFilter.class)
@RegisterProvider(AtlassianResponseMapper.class)
@RegisterProvider(AtlassianCallRecorder.class)
@RegisterProvider(RateLimitSignals.class)
@AtlassianCalls
@ClientHeaderParam(name = "X-ExperimentalApi", value = "compass-beta")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface CompassClient {

    /** A GraphQL request; the answer is {@code {"data":...,"errors":[...]}} with HTTP 200 even for failed lookups. */
    record GraphQlRequest(String query, JsonNode variables) {
    }

    /** A GraphQL query: it only reads, so it is retried like a GET. */
    @POST
    @ReadRequest
    @Path("/gateway/api/graphql")
    JsonNode query(GraphQlRequest request);

    /** A GraphQL mutation: a write. */
    @POST
    @Path("/gateway/api/graphql")
    JsonNode mutation(GraphQlRequest request);
}

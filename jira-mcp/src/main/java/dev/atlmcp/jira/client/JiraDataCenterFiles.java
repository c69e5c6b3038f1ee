package dev.atlmcp.jira.client;

import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.atlmcp.platform.audit.AtlassianCallRecorder;
import dev.atlmcp.platform.atlassian.AtlassianRequestFilter;
import dev.atlmcp.platform.atlassian.AtlassianResponseMapper;
import dev.atlmcp.platform.atlassian.RateLimitSignals;
import dev.atlmcp.platform.atlassian.AtlassianCalls;

/**
 * Jira Data Center's attachment files, outside its REST API: {@code /secure/attachment/{id}/{filename}}, the address an
 * attachment's {@code content} link names (Data Center has no {@code rest/api/2/attachment/content/{id}}).
 */
@RegisterRestClient(configKey = "jira")
@RegisterProvider(AtlassianRequestFilter.class)
@RegisterProvider(AtlassianResponseMapper.class)
@RegisterProvider(AtlassianCallRecorder.class)
@RegisterProvider(RateLimitSignals.class)
@AtlassianCalls
public interface JiraDataCenterFiles {

    /**
     * @param filename
     *            the attachment's file name, percent-encoded as one path segment
     */
    @GET
    @Path("/secure/attachment/{id}/{filename}")
    @Produces(MediaType.WILDCARD)
    byte[] attachment(@PathParam("id") String id, @PathParam("filename") @Encoded String filename);
}

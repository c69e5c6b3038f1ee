package dev.atlmcp.auth.delegated;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The sites an access token reaches ({@code ATLASSIAN_OAUTH_RESOURCES_URL}). */
@RegisterRestClient(configKey = "atlassian-oauth-resources")
public interface AccessibleResourcesEndpoint {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Response sites(@HeaderParam("Authorization") String authorization);
}

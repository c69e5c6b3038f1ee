package dev.atlmcp.auth.delegated;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Atlassian's token endpoint ({@code ATLASSIAN_OAUTH_TOKEN_URL}), which takes a JSON body. */
@RegisterRestClient(configKey = "atlassian-oauth-token")
public interface AtlassianTokenEndpoint {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response token(Map<String, String> body);
}

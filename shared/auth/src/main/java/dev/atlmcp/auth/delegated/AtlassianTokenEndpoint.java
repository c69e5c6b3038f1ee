package dev.atlmcp.auth.delegated;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The token endpoint ({@code ATLASSIAN_OAUTH_TOKEN_URL}): Atlassian Cloud's takes a JSON body, Data Center's OAuth 2.0
 * provider ({@code <base>/rest/oauth2/latest/token}) a form, as RFC 6749 has it.
 */
@RegisterRestClient(configKey = "atlassian-oauth-token")
public interface AtlassianTokenEndpoint {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response token(Map<String, String> body);

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    Response tokenForm(MultivaluedMap<String, String> form);
}

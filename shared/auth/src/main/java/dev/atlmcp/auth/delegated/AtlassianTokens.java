package dev.atlmcp.auth.delegated;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.atlmcp.auth.config.AtlassianConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * This server's side of Atlassian's authorization server: exchanging a consent's code for tokens, refreshing them, and
 * the sites a token reaches. Tokens and the client secret appear in no exception or log line.
 */
@ApplicationScoped
public class AtlassianTokens {

    /** A site a token reaches: its cloud id, URL and the scopes granted on it. */
    public record Site(String cloudId, String url, List<String> scopes) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AtlassianTokenEndpoint endpoint;
    private final AccessibleResourcesEndpoint resources;
    private final DelegatedConfig config;

    private final AtlassianConfig atlassian;

    AtlassianTokens(@RestClient AtlassianTokenEndpoint endpoint, @RestClient AccessibleResourcesEndpoint resources,
            DelegatedConfig config, AtlassianConfig atlassian) {
        this.atlassian = atlassian;
        this.endpoint = endpoint;
        this.resources = resources;
        this.config = config;
    }

    /** The tokens of a consent's code. */
    public Grant exchange(String code, String verifier, String redirectUrl) {
        Map<String, String> body = client("authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUrl);
        body.put("code_verifier", verifier);
        Instant now = Instant.now();
        JsonNode answer = call(body);
        return new Grant(answer.path("access_token").asText(), answer.path("refresh_token").asText(), now
                .plusSeconds(answer.path("expires_in").asLong(3600)), "", answer.path("scope").asText(), now, now,
                null);
    }

    /**
     * A new access token and the refresh token that replaces this grant's ({@link GrantVault.InvalidGrant} if none).
     */
    public Grant refresh(Grant grant, String redirectUrl) {
        Map<String, String> body = client("refresh_token");
        body.put("refresh_token", grant.refreshToken());
        if (atlassian.isDataCenter()) {
            // Data Center's provider checks the redirect URI on a refresh too, and refuses one without it
            body.put("redirect_uri", redirectUrl);
        }
        Instant now = Instant.now();
        JsonNode answer = call(body);
        String rotated = answer.path("refresh_token").asText();
        return new Grant(answer.path("access_token").asText(), rotated.isEmpty() ? grant.refreshToken() : rotated,
                now.plusSeconds(answer.path("expires_in").asLong(3600)), grant.cloudId(), answer.path("scope").asText(
                        grant.scopes()),
                grant.connectedAt(), now, grant.subject());
    }

    /** The sites the access token reaches. */
    public List<Site> sites(String accessToken) {
        Response response;
        try {
            response = resources.sites("Bearer " + accessToken);
        } catch (WebApplicationException e) {
            response = e.getResponse();
        } catch (ProcessingException e) {
            throw new TokenEndpointFailure("the accessible resources could not be read (" + rootMessage(e) + ")");
        }
        JsonNode list = read(response, "the accessible resources");
        List<Site> sites = new ArrayList<>();
        list.forEach(site -> {
            List<String> scopes = new ArrayList<>();
            site.path("scopes").forEach(s -> scopes.add(s.asText()));
            sites.add(new Site(site.path("id").asText(), site.path("url").asText(), scopes));
        });
        return sites;
    }

    private Map<String, String> client(String grantType) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", grantType);
        body.put("client_id", config.clientId().orElse(""));
        body.put("client_secret", config.clientSecret().orElse(""));
        return body;
    }

    private JsonNode call(Map<String, String> body) {
        Response response;
        try {
            response = atlassian.isDataCenter() ? endpoint.tokenForm(form(body)) : endpoint.token(body);
        } catch (WebApplicationException e) {
            response = e.getResponse();
        } catch (ProcessingException e) {
            throw new TokenEndpointFailure("it could not be reached or did not answer (" + rootMessage(e) + ")");
        }
        int status = response.getStatus();
        String text = response.hasEntity() ? response.readEntity(String.class) : "";
        JsonNode json = parse(text);
        if (status / 100 == 2) {
            if (json.path("access_token").asText().isEmpty()) {
                throw new TokenEndpointFailure("it answered without an access token");
            }
            return json;
        }
        String error = json.path("error").asText("");
        String description = json.path("error_description").asText("").replaceAll("[\\r\\n]", " ");
        if ("invalid_grant".equals(error)) {
            throw new GrantVault.InvalidGrant(description.isEmpty() ? "invalid_grant" : description);
        }
        throw new TokenEndpointFailure("it answered HTTP " + status + (error.isEmpty() ? "" : " " + error)
                + (description.isEmpty() ? "" : ": " + description));
    }

    private static MultivaluedMap<String, String> form(Map<String, String> body) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        body.forEach(form::add);
        return form;
    }

    /** The innermost cause's class, which says what went wrong without carrying any request content. */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static JsonNode read(Response response, String what) {
        if (response.getStatus() / 100 != 2) {
            throw new TokenEndpointFailure("reading " + what + " answered HTTP " + response.getStatus());
        }
        return parse(response.readEntity(String.class));
    }

    private static JsonNode parse(String text) {
        try {
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (java.io.IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** Atlassian's authorization server failed or answered something unusable; the grant is kept. */
    public static final class TokenEndpointFailure extends RuntimeException {
        TokenEndpointFailure(String what) {
            super("Atlassian's authorization server failed: " + what, null, false, false);
        }
    }
}

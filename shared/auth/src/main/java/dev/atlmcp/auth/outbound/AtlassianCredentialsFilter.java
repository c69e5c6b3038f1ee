package dev.atlmcp.auth.outbound;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.atlmcp.auth.config.AtlassianConfig;

/**
 * The one place that puts Atlassian credentials on outbound requests. It always replaces whatever Authorization header
 * the request had, so an inbound token can never travel to Atlassian.
 */
public class AtlassianCredentialsFilter implements ClientRequestFilter {

    @Inject
    AtlassianConfig config;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String applicationVersion;

    @Override
    public void filter(ClientRequestContext request) {
        AtlassianConfig.Auth auth = config.auth();
        String token = auth.token().orElse("");
        String value = "bearer".equals(auth.mode().toLowerCase(Locale.ROOT)) ? "Bearer " + token
                : "Basic " + Base64.getEncoder().encodeToString((auth.email().orElse("") + ":" + token)
                        .getBytes(StandardCharsets.UTF_8));
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, value);
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, "application/json");
        request.getHeaders().putSingle(HttpHeaders.USER_AGENT, applicationName + "/" + applicationVersion);
    }
}

package dev.atlmcp.platform.atlassian;

import dev.atlmcp.auth.outbound.OutboundCredentials;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.config.ServerConfig;

/**
 * The one place that decides where an Atlassian request goes and whose credentials it carries. It always replaces
 * whatever Authorization header the request had, so an inbound token can never travel to Atlassian. With the API
 * gateway on, it moves the request from the site URL to {@code <gateway>/ex/<product>/<cloudId>} (and the site's
 * {@code /gateway/api/...} paths to {@code <gateway>/...}).
 */
public class AtlassianRequestFilter implements ClientRequestFilter {

    @Inject
    AtlassianConfig config;

    @Inject
    ServerConfig server;

    @Inject
    OutboundCredentials credentials;

    @Inject
    CloudId cloudId;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String applicationVersion;

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, credentials.authorization());
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, "application/json");
        request.getHeaders().putSingle(HttpHeaders.USER_AGENT, applicationName + "/" + applicationVersion);
        if (config.throughGateway()) {
            request.setUri(throughGateway(request.getUri()));
        }
    }

    private URI throughGateway(URI uri) {
        String sitePath = URI.create(config.url().orElseThrow().trim()).getRawPath().replaceAll("/+$", "");
        String path = uri.getRawPath().startsWith(sitePath) ? uri.getRawPath().substring(sitePath.length())
                : uri.getRawPath();
        String gateway = config.gateway().url().trim().replaceAll("/+$", "");
        String target = path.startsWith("/gateway/api/") ? gateway + path.substring("/gateway/api".length())
                : gateway + "/ex/" + server.product() + "/" + cloudId.get() + path;
        return URI.create(target + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}

package dev.atlmcp.confluence.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.atlmcp.auth.config.AtlassianConfig;

/** The {@link ConfluenceSite} of the configured deployment ({@code ATLASSIAN_DEPLOYMENT}). */
@ApplicationScoped
public class ConfluenceSites {

    @Produces
    @ApplicationScoped
    ConfluenceSite site(AtlassianConfig config, @RestClient ConfluenceClient client, @RestClient MediaDownloads media) {
        String url = config.url().orElse("").replaceAll("/+$", "");
        return config.isDataCenter() ? new ConfluenceDataCenterSite(client, url)
                : new ConfluenceCloudSite(client, media, url);
    }
}

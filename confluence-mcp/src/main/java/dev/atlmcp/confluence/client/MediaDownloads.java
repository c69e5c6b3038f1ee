package dev.atlmcp.confluence.client;

import java.io.InputStream;

import jakarta.ws.rs.GET;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.Url;

import dev.atlmcp.platform.audit.AtlassianCallRecorder;
import dev.atlmcp.platform.atlassian.AtlassianResponseMapper;
import dev.atlmcp.platform.atlassian.AtlassianCalls;

/**
 * Atlassian's media store, where Confluence Cloud redirects attachment downloads: a signed URL on another host, fetched
 * without the site's credentials (no {@code AtlassianRequestFilter}), which must not leave the site.
 */
@RegisterRestClient(configKey = "atlassian-media")
@RegisterProvider(AtlassianResponseMapper.class)
@RegisterProvider(AtlassianCallRecorder.class)
@AtlassianCalls
public interface MediaDownloads {

    @GET
    InputStream download(@Url String signedUrl);
}

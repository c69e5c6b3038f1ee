package dev.atlmcp.platform.atlassian;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.atlmcp.platform.audit.AtlassianCallRecorder;

/** The site's public tenant information; needs no credentials, so none are sent. */
@RegisterRestClient(configKey = "atlassian-site")
@RegisterProvider(AtlassianResponseMapper.class)
@RegisterProvider(AtlassianCallRecorder.class)
@RegisterProvider(RateLimitSignals.class)
@AtlassianCalls
@Produces(MediaType.APPLICATION_JSON)
public interface SiteInfoClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TenantInfo(String cloudId) {
    }

    @GET
    @Path("/_edge/tenant_info")
    TenantInfo tenantInfo();
}

package dev.atlmcp.platform.atlassian;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

/**
 * Reads every Atlassian answer for what it says about load: its status, latency and {@code RateLimit-Reason} go to the
 * metrics, and a near-limit signal ({@code X-RateLimit-NearLimit: true}, or its {@code X-Beta-} variant) makes the
 * {@link RateLimitPacer} space requests out before the quota is gone.
 */
@Priority(Priorities.USER + 1100)
public class RateLimitSignals implements ClientRequestFilter, ClientResponseFilter {

    private static final String STARTED = RateLimitSignals.class.getName();

    @Inject
    AtlassianMetrics metrics;

    @Inject
    RateLimitPacer pacer;

    @Override
    public void filter(ClientRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getHeaders() == null) {
            return; // the request was aborted before it was sent
        }
        long started = request.getProperty(STARTED) instanceof Long l ? l : System.nanoTime();
        String reason = AtlassianResponseMapper.rateLimitReason(response::getHeaderString).orElse("none");
        metrics.response(request.getMethod(), response.getStatus(), reason, System.nanoTime() - started);
        if ("true".equalsIgnoreCase(response.getHeaderString("X-RateLimit-NearLimit"))
                || "true".equalsIgnoreCase(response.getHeaderString("X-Beta-RateLimit-NearLimit"))) {
            pacer.nearLimit();
        }
    }
}

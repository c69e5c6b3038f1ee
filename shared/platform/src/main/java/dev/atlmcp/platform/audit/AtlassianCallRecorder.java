package dev.atlmcp.platform.audit;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;

import io.quarkus.arc.Arc;

/**
 * Records each Atlassian request of a tool call (method, path, status) in its {@link AuditTrail}. It runs after the
 * credentials filter, so it sees the final URL, and never looks at headers.
 */
@Priority(Priorities.USER + 1000)
public class AtlassianCallRecorder implements ClientRequestFilter, ClientResponseFilter {

    private static final String CALL = AtlassianCallRecorder.class.getName();

    @Override
    public void filter(ClientRequestContext request) {
        if (Arc.container().requestContext().isActive()) {
            request.setProperty(CALL, Arc.container().instance(AuditTrail.class).get().started(request.getMethod(),
                    request.getUri().getRawPath()));
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (request.getProperty(CALL) instanceof AuditTrail.AtlassianCall call) {
            call.status = response.getStatus();
        }
    }
}

package dev.atlmcp.platform.toolcall;

import dev.atlmcp.platform.atlassian.ErrorMessages;
import dev.atlmcp.platform.errors.WriteHeld;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.Logger;

import dev.atlmcp.auth.delegated.AtlassianNotConnected;
import dev.atlmcp.platform.audit.AuditTrail;
import dev.atlmcp.auth.outbound.OutboundCredentials;

import io.quarkiverse.mcp.server.ToolCallException;

/**
 * Maps whatever a tool throws to a {@link ToolCallException} carrying the message from {@link ErrorMessages}; a caller
 * who must connect their Atlassian account first gets the connect link as a URL-mode elicitation if their client
 * supports it.
 */
@ToolCalls
@Interceptor
@Priority(ToolCallOrder.ERRORS)
public class ToolErrorInterceptor {

    private static final Logger LOG = Logger.getLogger(ToolErrorInterceptor.class);

    @Inject
    OutboundCredentials credentials;

    @Inject
    AuditTrail trail;

    @Inject
    ConnectElicitation connectRequests;

    @AroundInvoke
    Object mapErrors(InvocationContext context) throws Exception {
        try {
            return context.proceed();
        } catch (ToolCallException e) {
            throw e;
        } catch (WriteHeld held) {
            return held.getMessage();
        } catch (Exception e) {
            AtlassianNotConnected notConnected = ErrorMessages.find(e, AtlassianNotConnected.class);
            if (notConnected != null) {
                trail.failed("not_connected");
                throw connectRequests.asElicitation(notConnected).<RuntimeException> map(u -> u).orElseGet(
                        () -> new ToolCallException(notConnected.instructions()));
            }
            ErrorMessages.Described described = ErrorMessages.describe(e, credentials.perUser());
            trail.failed(described.kind());
            if (described.unexpected()) {
                LOG.errorf(e, "Tool %s failed unexpectedly [ref %s]", context.getMethod().getName(),
                        described.reference());
            } else {
                LOG.debugf("Tool %s failed: %s", context.getMethod().getName(), described.message());
            }
            throw new ToolCallException(described.message());
        }
    }
}

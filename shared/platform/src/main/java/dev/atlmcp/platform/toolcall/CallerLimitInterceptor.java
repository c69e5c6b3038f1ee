package dev.atlmcp.platform.toolcall;

import dev.atlmcp.platform.policy.CallerLimits;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.McpException;
import io.quarkiverse.mcp.server.Tool;

import dev.atlmcp.auth.identity.IdentityMapper;

/**
 * Counts every tool call, resource read and prompt against its caller's {@link CallerLimits} bucket before it runs. A
 * tool's refusal becomes its error result; a resource's or prompt's, a JSON-RPC error with the same message.
 */
@CallerLimited
@Interceptor
@Priority(ToolCallOrder.CALLER_LIMIT)
public class CallerLimitInterceptor {

    @Inject
    CallerLimits limits;

    @Inject
    IdentityMapper identity;

    @AroundInvoke
    Object limit(InvocationContext context) throws Exception {
        try {
            limits.take(identity.caller().subject());
        } catch (CallerLimits.LimitReached e) {
            if (context.getMethod().isAnnotationPresent(Tool.class)) {
                throw e;
            }
            throw new McpException(e.getMessage(), JsonRpcErrorCodes.INTERNAL_ERROR);
        }
        return context.proceed();
    }
}

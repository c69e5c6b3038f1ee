package dev.atlmcp.platform.toolcall;

import dev.atlmcp.platform.audit.AuditLog;
import dev.atlmcp.platform.audit.AuditTrail;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkiverse.mcp.server.Tool;
import io.quarkiverse.mcp.server.ToolCallException;

import dev.atlmcp.platform.observability.ToolMetrics;

/**
 * Audits every tool call: it runs outside the error mapping, so it sees the message the caller gets, and records what
 * the {@link AuditTrail} collected. Writes also resolve the caller's Atlassian account for the event.
 */
@ToolCalls
@Interceptor
@Priority(ToolCallOrder.AUDIT)
public class AuditInterceptor {

    @Inject
    AuditLog audit;

    @Inject
    AuditTrail trail;

    @Inject
    ToolMetrics metrics;

    @AroundInvoke
    Object audit(InvocationContext context) throws Exception {
        Tool tool = context.getMethod().getAnnotation(Tool.class);
        String name = toolName(context.getMethod());
        boolean write = tool != null && !tool.annotations().readOnlyHint();
        long start = System.nanoTime();
        String outcome = "error";
        String message = null;
        try {
            int before = trail.changes().size();
            Object result = context.proceed();
            outcome = write && trail.changes().size() == before ? "held" : "ok";
            return result;
        } catch (ToolCallException e) {
            message = e.getMessage();
            throw e;
        } finally {
            long nanos = System.nanoTime() - start;
            audit.toolCall(name, outcome, message, nanos / 1_000_000, trail, write);
            metrics.toolCall(name, outcome, "error".equals(outcome) ? trail.errorKind() : "none", nanos);
        }
    }

    /** The name a {@code @Tool} method is called by: its {@code name}, else the method's name. */
    public static String toolName(java.lang.reflect.Method method) {
        Tool tool = method.getAnnotation(Tool.class);
        return tool == null || tool.name().isEmpty() ? method.getName() : tool.name();
    }
}

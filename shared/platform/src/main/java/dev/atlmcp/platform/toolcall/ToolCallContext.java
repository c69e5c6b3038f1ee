package dev.atlmcp.platform.toolcall;

import dev.atlmcp.platform.observability.RequestIds;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import dev.atlmcp.auth.inbound.McpHttpRequest;

/**
 * Tools run on worker threads the HTTP request's log context does not reach. For the whole tool call this puts the
 * request id and MCP session in the log context and, with tracing on, opens a {@code tools/call <tool>} span that the
 * Atlassian requests of the call belong to, with its trace and span ids in the log context too.
 */
@ToolCalls
@Interceptor
@Priority(ToolCallOrder.LOG_CONTEXT)
public class ToolCallContext {

    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";

    @Inject
    Tracer tracer;

    @AroundInvoke
    Object withLogContext(InvocationContext context) throws Exception {
        var request = McpHttpRequest.current();
        request.ifPresent(RequestIds::putInLogContext);
        String name = AuditInterceptor.toolName(context.getMethod());
        Span span = tracer.spanBuilder("tools/call " + name).setSpanKind(SpanKind.SERVER).setAttribute(
                "mcp.tool.name", name).startSpan();
        request.flatMap(McpHttpRequest::sessionId).ifPresent(session -> span.setAttribute("mcp.session.id", session));
        if (span.getSpanContext().isValid()) {
            MDC.put(TRACE_ID, span.getSpanContext().getTraceId());
            MDC.put(SPAN_ID, span.getSpanContext().getSpanId());
        }
        try (Scope ignored = span.makeCurrent()) {
            return context.proceed();
        } catch (Exception e) {
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
            if (request.isPresent()) {
                MDC.remove(RequestIds.REQUEST_ID);
                MDC.remove(RequestIds.MCP_SESSION);
            }
        }
    }
}

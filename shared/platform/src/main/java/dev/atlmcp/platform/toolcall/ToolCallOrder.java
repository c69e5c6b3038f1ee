package dev.atlmcp.platform.toolcall;

import jakarta.interceptor.Interceptor;

/**
 * The order of the interceptors every tool call passes ({@link ToolCalls}), outermost first. Lower runs first and sees
 * the call's outcome last.
 */
final class ToolCallOrder {

    /** {@link ToolCallContext}: the request id and MCP session in the log context, and the call's trace span. */
    static final int LOG_CONTEXT = Interceptor.Priority.PLATFORM_AFTER - 20;
    /** {@link AuditInterceptor}: one audit event per call, with its outcome as the caller saw it. */
    static final int AUDIT = Interceptor.Priority.PLATFORM_AFTER - 10;
    /** {@link OutputMaskingInterceptor}: secret masking of every text answered, error messages included. */
    static final int MASKING = Interceptor.Priority.PLATFORM_AFTER - 1;
    /** {@link ToolErrorInterceptor}: any failure becomes one clear {@code isError} result. */
    static final int ERRORS = Interceptor.Priority.PLATFORM_AFTER;
    /** {@link CallerLimitInterceptor}: the caller's token bucket, before anything is asked of Atlassian. */
    static final int CALLER_LIMIT = Interceptor.Priority.PLATFORM_AFTER + 5;
    /** {@link ElicitationInterceptor}: hands a write tool's elicitation channel to the write gate. */
    static final int ELICITATION = Interceptor.Priority.PLATFORM_AFTER + 10;

    private ToolCallOrder() {
    }
}

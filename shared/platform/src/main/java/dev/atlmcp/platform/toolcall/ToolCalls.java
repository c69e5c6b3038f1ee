package dev.atlmcp.platform.toolcall;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Put on a class of {@code @Tool} methods (and, through {@link MaskedOutput} and {@link CallerLimited}, on resources
 * and prompts): every call passes the interceptors in {@link ToolCallOrder}, outermost first: log context and trace
 * span ({@link ToolCallContext}), audit ({@link AuditInterceptor}), secret masking of the answer
 * ({@link OutputMaskingInterceptor}), failures as one clear {@code isError} result ({@link ToolErrorInterceptor}), the
 * caller's limit ({@link CallerLimitInterceptor}), and the elicitation channel for the write gate
 * ({@link ElicitationInterceptor}). Arguments are checked before any of them by the
 * {@link dev.atlmcp.platform.args.CheckedArguments} guardrail.
 */
@CallerLimited
@MaskedOutput
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface ToolCalls {
}

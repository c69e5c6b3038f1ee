package dev.atlmcp.auth.errors;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

import dev.atlmcp.auth.content.MaskedOutput;
import dev.atlmcp.auth.policy.CallerLimited;

/**
 * Put on a class of {@code @Tool} methods: every call is audited ({@code dev.atlmcp.auth.audit.AuditInterceptor}),
 * counted against its caller's limit ({@link CallerLimited}), its answer passes secret masking last
 * ({@link MaskedOutput}) and any failure becomes one clear {@code isError} tool result ({@link ToolErrorInterceptor}).
 */
@CallerLimited
@MaskedOutput
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface ToolCalls {
}

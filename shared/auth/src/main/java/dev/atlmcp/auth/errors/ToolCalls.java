package dev.atlmcp.auth.errors;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Put on a class of {@code @Tool} methods: every call is audited ({@code dev.atlmcp.auth.audit.AuditInterceptor}) and
 * any failure becomes one clear {@code isError} tool result ({@link ToolErrorInterceptor}).
 */
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface ToolCalls {
}

package dev.atlmcp.platform.toolcall;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Put on a class of {@code @Resource}, {@code @ResourceTemplate} or {@code @Prompt} methods: each use counts against
 * its caller's {@link CallerLimits} bucket, like a tool call ({@code @ToolCalls} carries this binding).
 */
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface CallerLimited {
}

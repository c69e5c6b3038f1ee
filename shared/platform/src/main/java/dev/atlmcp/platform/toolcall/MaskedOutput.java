package dev.atlmcp.platform.toolcall;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * Put on a class of tools, resources or prompts (carried by {@code @ToolCalls}): every text it answers passes through
 * {@link SecretMasker} last, whatever built it ({@link OutputMaskingInterceptor}).
 */
@InterceptorBinding
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface MaskedOutput {
}

package dev.atlmcp.auth.policy;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import dev.atlmcp.auth.errors.ToolCalls;
import dev.atlmcp.auth.identity.IdentityMapper;

/** Counts every tool call against its caller's {@link CallerLimits} bucket before it runs. */
@ToolCalls
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 5)
public class CallerLimitInterceptor {

    @Inject
    CallerLimits limits;

    @Inject
    IdentityMapper identity;

    @AroundInvoke
    Object limit(InvocationContext context) throws Exception {
        limits.take(identity.caller().subject());
        return context.proceed();
    }
}

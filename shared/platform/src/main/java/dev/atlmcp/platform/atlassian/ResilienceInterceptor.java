package dev.atlmcp.platform.atlassian;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Sends each Atlassian REST client call through the {@link AtlassianPolicy}, as a read or a write. */
@AtlassianCalls
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ResilienceInterceptor {

    @Inject
    AtlassianPolicy policy;

    @AroundInvoke
    Object send(InvocationContext context) throws Exception {
        AtlassianEndpoint endpoint = AtlassianEndpoint.of(context.getMethod());
        return policy.call(endpoint.name(), endpoint.read(), context::proceed);
    }
}

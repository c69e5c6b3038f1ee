package dev.atlmcp.platform.writes;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkus.arc.Arc;

import dev.atlmcp.platform.atlassian.AtlassianCalls;
import dev.atlmcp.platform.atlassian.AtlassianEndpoint;

/**
 * Refuses every Atlassian request that writes unless the write gate gave the current tool call its {@link WritePermit};
 * it runs before the resilience policy, so nothing is sent or retried.
 */
@AtlassianCalls
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 90)
public class WritePermitCheck {

    @Inject
    Instance<WritePermit> permit;

    @AroundInvoke
    Object check(InvocationContext context) throws Exception {
        AtlassianEndpoint endpoint = AtlassianEndpoint.of(context.getMethod());
        if (!endpoint.read() && !(Arc.container().requestContext().isActive() && permit.get().granted())) {
            throw new IllegalStateException("Write " + endpoint.name() + " was not let through by the write gate; "
                    + "nothing was sent");
        }
        return context.proceed();
    }
}

package dev.atlmcp.auth.resilience;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import io.quarkus.arc.Arc;

import dev.atlmcp.auth.policy.WritePermit;
import jakarta.ws.rs.GET;

/**
 * Sends each Atlassian REST client call through the {@link AtlassianPolicy}, as a read or a write; a write only with
 * the {@link WritePermit} of the write gate.
 */
@AtlassianCalls
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class ResilienceInterceptor {

    private record Endpoint(String name, boolean read) {
    }

    private static final Map<Method, Endpoint> ENDPOINTS = new ConcurrentHashMap<>();

    @Inject
    AtlassianPolicy policy;

    @Inject
    Instance<WritePermit> permit;

    @AroundInvoke
    Object send(InvocationContext context) throws Exception {
        Endpoint endpoint = ENDPOINTS.computeIfAbsent(context.getMethod(), ResilienceInterceptor::endpoint);
        if (!endpoint.read() && !(Arc.container().requestContext().isActive() && permit.get().granted())) {
            throw new IllegalStateException("Write " + endpoint.name() + " was not let through by the write gate; "
                    + "nothing was sent");
        }
        return policy.call(endpoint.name(), endpoint.read(), context::proceed);
    }

    /** The client interface's method: its annotations say whether it reads. */
    private static Endpoint endpoint(Method method) {
        Method declared = method;
        for (Class<?> type : method.getDeclaringClass().getInterfaces()) {
            try {
                declared = type.getMethod(method.getName(), method.getParameterTypes());
                break;
            } catch (NoSuchMethodException e) {
                // not this interface
            }
        }
        boolean read = declared.isAnnotationPresent(GET.class) || declared.isAnnotationPresent(ReadRequest.class);
        return new Endpoint(declared.getDeclaringClass().getSimpleName() + "." + declared.getName(), read);
    }
}

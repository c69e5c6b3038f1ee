package dev.atlmcp.platform.atlassian;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.ws.rs.GET;

/**
 * One method of an Atlassian REST client interface, e.g. {@code JiraClient.getIssue}, and whether it reads: a
 * {@code GET}, or marked {@link ReadRequest}.
 */
public record AtlassianEndpoint(String name, boolean read) {

    private static final Map<Method, AtlassianEndpoint> KNOWN = new ConcurrentHashMap<>();

    /** The endpoint of an intercepted client method (the generated class's method or the interface's). */
    public static AtlassianEndpoint of(Method method) {
        return KNOWN.computeIfAbsent(method, AtlassianEndpoint::declared);
    }

    private static AtlassianEndpoint declared(Method method) {
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
        return new AtlassianEndpoint(declared.getDeclaringClass().getSimpleName() + "." + declared.getName(), read);
    }
}

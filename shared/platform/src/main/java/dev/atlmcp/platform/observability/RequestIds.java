package dev.atlmcp.platform.observability;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import dev.atlmcp.auth.inbound.McpHttpRequest;
import dev.atlmcp.auth.inbound.SessionOwners;

/**
 * Gives every MCP request a request id (the caller's {@code X-Request-Id} when it is a plain token, else a new one,
 * echoed in the response) and puts it and a hash of the MCP session id (never the id: it would let a reader use the
 * session) in the log context, so every log line of the request, the JSON ones in production included, carries
 * {@code requestId} and {@code mcpSession}.
 */
@Singleton
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The log context keys. */
    public static final String REQUEST_ID = "requestId";
    public static final String MCP_SESSION = "mcpSession";
    private static final String KEY = RequestIds.class.getName();
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    /** Before everything else on the MCP paths, the DNS-rebinding guard included. */
    private static final int ORDER = -500;

    private final String mcpPath;

    RequestIds(@ConfigProperty(name = "quarkus.mcp.server.http.root-path", defaultValue = "/mcp") String mcpPath) {
        this.mcpPath = mcpPath;
    }

    void register(@Observes Router router) {
        router.route(mcpPath).order(ORDER).handler(this::tag);
        router.route(mcpPath + "/*").order(ORDER).handler(this::tag);
    }

    /** The request id of {@code request}, if it went through this route. */
    public static Optional<String> of(RoutingContext request) {
        return Optional.ofNullable(request.get(KEY));
    }

    void tag(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String id = given != null && PLAIN.matcher(given).matches() ? given
                : Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
        ctx.put(KEY, id);
        ctx.response().putHeader(HEADER, id);
        putInLogContext(ctx);
        ctx.next();
    }

    /** Puts the request id and the MCP session of {@code request} in the current thread's log context. */
    public static void putInLogContext(RoutingContext request) {
        of(request).ifPresent(id -> MDC.put(REQUEST_ID, id));
        McpHttpRequest.sessionId(request).ifPresentOrElse(session -> MDC.put(MCP_SESSION, SessionOwners.hash(session)),
                () -> MDC.remove(MCP_SESSION));
    }
}

package dev.atlmcp.auth.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.mcp.server.JsonRpcErrorCodes;
import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Lets several replicas behind a plain round-robin balancer serve one MCP client.
 * <p>
 * MCP sessions live in one replica's memory. With {@code quarkus.mcp.server.http.streamable.auto-init=true} (set at
 * build time in this module's defaults) a request carrying a session id this replica does not know is served by a
 * throw-away session, which works for every request a tools server needs. Two cases still break in the MCP library, so
 * this route answers them before it does:
 * <ul>
 * <li>{@code notifications/initialized} for an unknown session: the client's session was initialized on another
 * replica; acknowledge with 202 as the spec asks for an accepted notification.</li>
 * <li>{@code GET /mcp} (the optional server-to-client stream) for an unknown session: answer 405, which the spec
 * defines as "no stream offered", instead of 404, which would tell the client its session is gone.</li>
 * </ul>
 * Auto-init would also serve a session the client ended with {@code DELETE}, where the specification asks for 404. The
 * replica that ended a session remembers it for a day (at most {@value #REMEMBERED} sessions) and answers 404 to every
 * request bearing it; another replica cannot tell it from a session of its peer and serves it. It runs after
 * authentication and authorization, so unauthenticated requests are still rejected.
 */
@Singleton
public class ReplicaSessionRoute {

    /** After the security handlers (orders -200 and -100), before the MCP endpoint routes. */
    static final int ORDER = -50;
    private static final String SESSION_HEADER = "Mcp-Session-Id";

    static final int REMEMBERED = 100_000;
    private static final Duration REMEMBER_FOR = Duration.ofDays(1);

    private final ConnectionManager connections;
    private final String mcpPath;
    /** Sessions this replica ended, oldest first, with when. */
    private final Map<String, Instant> ended = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    });

    ReplicaSessionRoute(ConnectionManager connections,
            @ConfigProperty(name = "quarkus.mcp.server.http.root-path", defaultValue = "/mcp") String mcpPath) {
        this.connections = connections;
        this.mcpPath = mcpPath;
    }

    void register(@Observes Router router) {
        router.route(mcpPath).order(ORDER - 1).handler(this::goneIfEnded);
        router.post(mcpPath).order(ORDER).handler(BodyHandler.create().setBodyLimit(10 * 1024 * 1024))
                .handler(this::acknowledgeForeignInitialized);
        router.get(mcpPath).order(ORDER).handler(this::declineForeignStream);
    }

    /** A session this replica ended is gone: 404 for any request bearing it; a DELETE that ends one is remembered. */
    void goneIfEnded(RoutingContext ctx) {
        String session = ctx.request().getHeader(SESSION_HEADER);
        if (session == null) {
            ctx.next();
            return;
        }
        Instant ended = this.ended.get(session);
        if (ended != null && ended.isAfter(Instant.now().minus(REMEMBER_FOR))) {
            ctx.response().setStatusCode(404).putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(
                    new JsonObject().put("jsonrpc", "2.0").putNull("id").put("error", new JsonObject().put("code",
                            JsonRpcErrorCodes.INVALID_REQUEST).put("message",
                                    "This MCP session was ended; start a "
                                            + "new one with initialize."))
                            .encode());
            return;
        }
        if (ctx.request().method() == HttpMethod.DELETE && connections.has(session)) {
            ctx.addEndHandler(done -> {
                if (ctx.response().getStatusCode() / 100 == 2) {
                    this.ended.put(session, Instant.now());
                }
            });
        }
        ctx.next();
    }

    void acknowledgeForeignInitialized(RoutingContext ctx) {
        String session = ctx.request().getHeader(SESSION_HEADER);
        if (session != null && !connections.has(session) && isInitializedNotification(ctx)) {
            ctx.response().setStatusCode(202).end();
            return;
        }
        ctx.next();
    }

    void declineForeignStream(RoutingContext ctx) {
        String session = ctx.request().getHeader(SESSION_HEADER);
        if (session != null && !connections.has(session)) {
            ctx.response().setStatusCode(405).putHeader("Allow", "POST, DELETE").end();
            return;
        }
        ctx.next();
    }

    private static boolean isInitializedNotification(RoutingContext ctx) {
        return McpHttpRequest.message(ctx).filter(m -> "notifications/initialized".equals(m.getString("method"))
                && !m.containsKey("id")).isPresent();
    }
}

package dev.atlmcp.auth.inbound;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.quarkiverse.mcp.server.runtime.McpConnectionBase;
import io.quarkiverse.mcp.server.runtime.McpMetadata;
import io.quarkiverse.mcp.server.runtime.McpMetrics;
import io.quarkiverse.mcp.server.runtime.RequestIdGenerator;
import io.quarkiverse.mcp.server.runtime.config.McpServersRuntimeConfig;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The MCP library's session store, recording who owns each session as it is created: the subject of the request that
 * created it, which {@link SessionBinding} put in the request's Vert.x context. It replaces the library's
 * {@link ConnectionManager} bean (an alternative), and is otherwise the same.
 */
@Alternative
@Priority(1)
@Singleton
public class OwnedConnections extends ConnectionManager {

    static final String SUBJECT = "atlmcp.session.subject";
    /** How often owners of sessions the library expired on its own are forgotten: every so many new sessions. */
    private static final int SWEEP_EVERY = 256;

    private final AtomicLong added = new AtomicLong();

    private final SessionOwners owners;

    OwnedConnections(Vertx vertx, RequestIdGenerator ids, McpServersRuntimeConfig servers, McpMetadata metadata,
            Instance<McpMetrics> metrics, SessionOwners owners) {
        super(vertx, ids, servers, metadata, metrics);
        this.owners = owners;
    }

    @Override
    public void add(McpConnectionBase connection) {
        if (added.incrementAndGet() % SWEEP_EVERY == 0) {
            owners.keepOnly(this::has);
        }
        Context context = Vertx.currentContext();
        owners.owned(connection.id(), context == null ? null : context.getLocal(SUBJECT));
        super.add(connection);
    }

    @Override
    public boolean remove(String id) {
        owners.closed(id);
        return super.remove(id);
    }
}

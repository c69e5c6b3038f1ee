package dev.atlmcp.auth.inbound;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkiverse.mcp.server.runtime.ServerRequests;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The MCP library keeps the requests it sends to clients (elicitations) in one table for all sessions, keyed by a
 * counter, and would accept an answer to any of them from any session. At start-up this puts a table in its place that
 * notes, for each request sent, the session and subject of the tool call that sent it, so that {@code MessageGate} lets
 * an answer through only from that session and subject. The library offers no hook for this, so the table is swapped by
 * reflection; when the library changes it, the server refuses to start rather than run without the binding.
 */
@Singleton
@RegisterForReflection(targets = ServerRequests.class, fields = true, methods = false)
public class ServerRequestBinding {

    private static final String TABLE = "responseHandlers";

    void bind(@Observes StartupEvent started, ServerRequests requests, SessionOwners owners) {
        try {
            Field table = ServerRequests.class.getDeclaredField(TABLE);
            table.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<Long, Object> pending = (Map<Long, Object>) table.get(requests);
            Recording recording = new Recording(owners);
            recording.putAll(pending);
            table.set(requests, recording);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("This version of quarkus-mcp-server keeps the requests it sends to clients "
                    + "differently; answers to elicitations cannot be bound to their session, so the server does not "
                    + "start. Adapt dev.atlmcp.auth.inbound.ServerRequestBinding.", e);
        }
    }

    /** The library's table of requests sent, noting where each went. */
    static final class Recording extends ConcurrentHashMap<Long, Object> {

        private final transient SessionOwners owners;

        Recording(SessionOwners owners) {
            this.owners = owners;
        }

        @Override
        public Object put(Long id, Object handler) {
            McpHttpRequest.current().ifPresent(request -> McpHttpRequest.sessionId(request).ifPresent(session -> owners
                    .sent(id, session, SessionOwners.subject(request))));
            return super.put(id, handler);
        }

        @Override
        public Object remove(Object id) {
            if (id instanceof Long key) {
                owners.expired(key);
            }
            return super.remove(id);
        }
    }
}

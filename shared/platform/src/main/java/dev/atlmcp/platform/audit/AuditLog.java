package dev.atlmcp.platform.audit;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.mcp.server.Implementation;
import io.quarkiverse.mcp.server.runtime.ConnectionManager;
import io.quarkiverse.mcp.server.runtime.McpConnectionBase;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import dev.atlmcp.auth.config.ServerConfig;
import dev.atlmcp.auth.inbound.AccessDenied;
import dev.atlmcp.platform.content.SecretMasker;
import dev.atlmcp.auth.delegated.ConnectEvent;
import dev.atlmcp.auth.delegated.VaultAdminEvent;
import dev.atlmcp.auth.delegated.DelegatedAccess;
import dev.atlmcp.auth.inbound.Caller;
import dev.atlmcp.auth.identity.IdentityMapper;
import dev.atlmcp.auth.inbound.McpHttpRequest;
import dev.atlmcp.auth.inbound.SessionOwners;
import dev.atlmcp.platform.observability.RequestIds;

/**
 * Writes one JSON audit event per {@code tools/call} on the log category {@value #CATEGORY}: time, service, principal,
 * MCP client, session, tool, arguments (secret-looking keys redacted, secret-looking values masked, long values
 * truncated), outcome, duration, the Atlassian requests made and the changes written. Denied calls are events too.
 */
@ApplicationScoped
public class AuditLog {

    public static final String CATEGORY = "atlmcp.audit";
    public static final String INVALID_ARGUMENTS = "invalid_arguments";

    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(token|secret|password|passwd|authorization"
            + "|api[_-]?key|credential|private[_-]?key).*");
    private static final int MAX_VALUE = 500;

    private final ObjectMapper json;
    private final IdentityMapper identity;
    private final ConnectionManager connections;
    private final String service;
    private final String emailClaim;

    AuditLog(ObjectMapper json, IdentityMapper identity, ConnectionManager connections, ServerConfig server,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.emailClaim = server.identity().emailClaim();
        this.json = json;
        this.identity = identity;
        this.connections = connections;
        this.service = service;
    }

    /** A call that reached its tool; {@code resolveAccount} may ask Atlassian who the caller is (done for writes). */
    public void toolCall(String tool, String outcome, String message, long durationMillis, AuditTrail trail,
            boolean resolveAccount) {
        Caller caller = identity.caller();
        ObjectNode event = event(tool, outcome, message, caller, McpHttpRequest.current());
        event.put("durationMs", durationMillis);
        if ("error".equals(outcome)) {
            event.put("errorKind", trail.errorKind());
        }
        principalAccount(event.with("principal"), caller, resolveAccount);
        var requests = event.putArray("atlassian");
        trail.calls().forEach(c -> requests.addObject().put("method", c.method).put("path", c.path).put("status",
                c.status));
        List<ObjectNode> changes = trail.changes();
        if (!changes.isEmpty()) {
            changes.forEach(event.putArray("changes")::add);
        }
        write(event);
    }

    /** A call whose arguments stopped it before its tool ran (see {@code CheckedArguments}). */
    public void invalidArguments(String tool, String message) {
        ObjectNode event = event(tool, "error", message, identity.caller(), McpHttpRequest.current());
        event.put("errorKind", INVALID_ARGUMENTS);
        write(event);
    }

    /** A call the tool policy refused (the tool is hidden), during the MCP request being served. */
    public void denied(String tool, SecurityIdentity who, String reason) {
        write(event(tool, "denied", reason, Caller.of(who, emailClaim), McpHttpRequest.current()));
    }

    /** A person connected their Atlassian account, or a connect was refused (delegated access). */
    void connect(@Observes ConnectEvent connect) {
        ObjectNode event = event(null, connect.outcome(), connect.detail(), Caller.of(connect.who(), emailClaim),
                Optional.of(connect.request()));
        event.put("event", "connect").put("product", connect.product()).remove("tool");
        write(event);
    }

    /** An administrator's change to the token vault, a refused one, or unused grants deleted (delegated access). */
    void vaultAdmin(@Observes VaultAdminEvent change) {
        ObjectNode event = change.who().map(who -> event(null, change.outcome(), change.detail(), Caller.of(who,
                emailClaim), change.request())).orElseGet(() -> json.createObjectNode()
                        .put("time", Instant.now()
                                .toString())
                        .put("service", service).put("outcome", change.outcome()).put("message", change
                                .detail()));
        event.put("event", "vault-admin").put("action", change.action()).remove("tool");
        write(event);
    }

    /** A request refused at the HTTP layer (missing scope, client not allowed) before the MCP server saw it. */
    void denied(@Observes AccessDenied denial) {
        write(event(denial.what(), "denied", denial.reason(), Caller.of(denial.who(), emailClaim),
                Optional.of(denial.request())));
    }

    private ObjectNode event(String tool, String outcome, String message, Caller caller,
            Optional<RoutingContext> request) {
        ObjectNode event = json.createObjectNode().put("time", Instant.now().toString()).put("service", service)
                .put("event", "tools/call").put("tool", tool).put("outcome", outcome);
        if (message != null) {
            event.put("message", truncate(DelegatedAccess.withoutLinks(message)));
        }
        ObjectNode principal = event.putObject("principal").put("subject", caller.subject());
        caller.name().ifPresent(n -> principal.put("name", n));
        caller.email().ifPresent(e -> principal.put("email", e));
        ObjectNode client = event.putObject("client");
        caller.clientId().ifPresent(id -> client.put("id", id));
        request.flatMap(McpHttpRequest::sessionId).ifPresent(session -> {
            event.put("session", SessionOwners.hash(session));
            clientInfo(session).ifPresent(info -> client.put("name", info.name()).put("version", info.version()));
        });
        request.flatMap(RequestIds::of).ifPresent(id -> event.put("requestId", id));
        request.flatMap(this::arguments).ifPresent(arguments -> event.set("arguments", redact(arguments)));
        return event;
    }

    private void principalAccount(ObjectNode principal, Caller caller, boolean resolve) {
        try {
            Optional<IdentityMapper.Mapping> mapping = resolve ? Optional.of(identity.map(caller)) : identity.known(
                    caller);
            mapping.flatMap(IdentityMapper.Mapping::account).ifPresent(a -> principal.put("atlassianAccount", a.id()));
        } catch (RuntimeException e) {
            // the event matters more than the mapping; the account stays unknown
        }
    }

    /** Every text in the event masked: change summaries, before and after values, messages. */
    private JsonNode masked(JsonNode value) {
        if (value.isObject()) {
            ObjectNode copy = json.createObjectNode();
            value.fields().forEachRemaining(field -> copy.set(field.getKey(), masked(field.getValue())));
            return copy;
        }
        if (value.isArray()) {
            var copy = json.createArrayNode();
            value.forEach(v -> copy.add(masked(v)));
            return copy;
        }
        return value.isTextual() ? json.getNodeFactory().textNode(SecretMasker.mask(value.asText())) : value;
    }

    private JsonNode redact(JsonNode value) {
        if (value.isObject()) {
            ObjectNode copy = json.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                copy.set(field.getKey(), SECRET_KEY.matcher(field.getKey()).matches()
                        ? json.getNodeFactory().textNode("[redacted]") : redact(field.getValue()));
            }
            return copy;
        }
        if (value.isArray()) {
            var copy = json.createArrayNode();
            value.forEach(v -> copy.add(redact(v)));
            return copy;
        }
        return value.isTextual() ? json.getNodeFactory().textNode(truncate(SecretMasker.mask(value.asText(),
                new HashMap<>()))) : value;
    }

    private static String truncate(String text) {
        return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE) + "...(" + text.length() + " chars)";
    }

    private void write(ObjectNode event) {
        LOG.info(masked(event).toString());
    }

    /**
     * The client's name and version from the session's {@code initialize}. quarkus-mcp-server offers no public API for
     * this outside a tool's parameters, so this reads its {@code ConnectionManager}; any failure just leaves it out.
     */
    private Optional<Implementation> clientInfo(String session) {
        try {
            McpConnectionBase connection = connections.get(session);
            return Optional.ofNullable(connection == null || connection.initialRequest() == null ? null
                    : connection.initialRequest().implementation()).filter(
                            i -> i.name() != null && !i.name()
                                    .toLowerCase(Locale.ROOT).contains("dummy"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<JsonNode> arguments(RoutingContext request) {
        return McpHttpRequest.message(request).map(m -> m.getValue("params")).filter(JsonObject.class::isInstance)
                .map(p -> ((JsonObject) p).getValue("arguments")).filter(JsonObject.class::isInstance).map(
                        JsonObject.class::cast)
                .flatMap(arguments -> {
                    try {
                        return Optional.of(json.readTree(arguments.encode()));
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                });
    }
}

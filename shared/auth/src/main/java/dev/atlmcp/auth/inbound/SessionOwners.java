package dev.atlmcp.auth.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Who owns each MCP session this replica holds, and which session each request the server sent to a client (an
 * elicitation) went to. A session belongs to the subject whose request created it; a request carrying another subject's
 * session is served as one for an unknown session ({@link SessionBinding}), and an answer is accepted only from the
 * session and subject the request went to ({@code MessageGate}).
 */
@Singleton
public class SessionOwners {

    /** The owner recorded for a session created outside any request: it matches nobody. */
    static final String NOBODY = "";

    private record SentRequest(String session, String subject) {
    }

    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Map<Long, SentRequest> sent = new ConcurrentHashMap<>();

    /**
     * The subject a request acts for: the token's issuer and {@code sub}; {@code anonymous} when inbound auth is off
     * (loopback only).
     */
    public static String subject(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return "anonymous";
        }
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return jwt.getIssuer() + " " + jwt.getSubject();
        }
        return "principal " + identity.getPrincipal().getName();
    }

    public static String subject(RoutingContext ctx) {
        return subject(McpHttpRequest.identity(ctx));
    }

    /** A session id in a form that correlates log lines and audit events without letting anyone use it. */
    public static String hash(String session) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(session.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void owned(String session, String subject) {
        owners.put(session, subject == null ? NOBODY : subject);
    }

    void closed(String session) {
        owners.remove(session);
        sent.values().removeIf(request -> request.session().equals(session));
    }

    /** Forgets the owners of sessions that are gone (the library expires idle sessions without telling anyone). */
    void keepOnly(Predicate<String> open) {
        owners.keySet().removeIf(session -> !open.test(session));
    }

    /** The session belongs to a subject other than {@code subject}. */
    public boolean isForeign(String session, String subject) {
        String owner = owners.get(session);
        return owner != null && !owner.equals(subject);
    }

    /** Notes that the server sent request {@code id} to {@code session}, acting for {@code subject}. */
    public void sent(long id, String session, String subject) {
        sent.put(id, new SentRequest(session, subject));
    }

    /** The server stopped waiting for an answer to {@code id}. */
    public void expired(long id) {
        sent.remove(id);
    }

    private static final Pattern REQUEST_ID = Pattern.compile("\\d{1,18}");

    /**
     * An answer to request {@code id} arrived on {@code session} from {@code subject}: true, and the request is no
     * longer pending, when that is where the request went; false otherwise (the answer must not be accepted).
     */
    public boolean answers(Object id, String session, String subject) {
        Long key = id instanceof Number number ? Long.valueOf(number.longValue())
                : id instanceof String text && REQUEST_ID
                        .matcher(text).matches() ? Long.valueOf(text) : null;
        if (key == null || session == null) {
            return false;
        }
        SentRequest request = sent.get(key);
        return request != null && request.session().equals(session) && request.subject().equals(subject) && sent
                .remove(key, request);
    }
}

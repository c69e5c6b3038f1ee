package dev.atlmcp.auth.outbound;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.delegated.DelegatedAccess;
import dev.atlmcp.auth.delegated.PersonKey;
import dev.atlmcp.auth.inbound.McpHttpRequest;

/**
 * The Authorization value for Atlassian: the service credential from the configuration; in {@code per-user} mode the
 * caller's own token from the {@code X-Atlassian-User-Token} header of the MCP request being served; in {@code oauth}
 * mode the signed-in person's own access token from the vault ({@link DelegatedAccess}). A caller without their own
 * credential is an error, never a reason to fall back to a service credential. Values are never logged.
 */
@ApplicationScoped
public class OutboundCredentials {

    public static final String USER_TOKEN_HEADER = "X-Atlassian-User-Token";

    private final AtlassianConfig config;
    private final DelegatedAccess delegated;

    OutboundCredentials(AtlassianConfig config, DelegatedAccess delegated) {
        this.config = config;
        this.delegated = delegated;
    }

    /** Each caller's own token comes in the {@code X-Atlassian-User-Token} header. */
    public boolean perUser() {
        return config.isPerUser();
    }

    /** Calls carry each caller's own Atlassian rights: per-user tokens or delegated OAuth. */
    public boolean asCaller() {
        return config.isPerUser() || delegated.enabled();
    }

    /** A one-way name for the caller's own Atlassian credential, to tell callers apart without keeping it. */
    public String callerKey() {
        return delegated.enabled() ? "person:" + delegated.person() : "token:" + PersonKey.sha256(userToken());
    }

    public String authorization() {
        if (delegated.enabled()) {
            return delegated.authorization();
        }
        if (config.isPerUser()) {
            return fromUserToken(userToken());
        }
        String token = config.auth().token().orElse("");
        return "bearer".equals(config.auth().mode().toLowerCase(Locale.ROOT)) ? "Bearer " + token
                : basic(config.auth().email().orElse("") + ":" + token);
    }

    /** {@code email:token} (Cloud API token) or {@code username:password} is sent as Basic, anything else as Bearer. */
    static String fromUserToken(String token) {
        return token.contains(":") ? basic(token) : "Bearer " + token;
    }

    private static String userToken() {
        String token = McpHttpRequest.current().map(request -> request.request().getHeader(USER_TOKEN_HEADER))
                .orElse(null);
        if (token == null || token.isBlank()) {
            throw new MissingUserTokenException();
        }
        return token.trim();
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The caller did not send their Atlassian token; nothing was sent to Atlassian. */
    public static final class MissingUserTokenException extends RuntimeException {
        MissingUserTokenException() {
            super("No " + USER_TOKEN_HEADER + " header", null, false, false);
        }
    }
}

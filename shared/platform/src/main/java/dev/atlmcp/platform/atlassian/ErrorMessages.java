package dev.atlmcp.platform.atlassian;

import dev.atlmcp.platform.errors.ToolRefusal;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import dev.atlmcp.auth.delegated.AtlassianNotConnected;
import dev.atlmcp.auth.delegated.AtlassianTokens;
import dev.atlmcp.auth.delegated.NoPersonClaim;
import dev.atlmcp.auth.delegated.VaultUnavailable;
import dev.atlmcp.auth.outbound.OutboundCredentials;

/**
 * The one mapping from a failure to the message a user or model reads: what failed, why, and what to do. Never a stack
 * trace, never a credential.
 */
public final class ErrorMessages {

    /**
     * A message for the client; {@code unexpected} failures also get a reference to find them in the server log.
     * {@code kind} is the class of error for metrics ({@code invalid_argument}, {@code rate_limited}, ...).
     */
    public record Described(String message, boolean unexpected, String reference, String kind) {
    }

    private ErrorMessages() {
    }

    /** {@code perUser}: the Atlassian credentials are the caller's own ({@code X-Atlassian-User-Token}). */
    public static Described describe(Throwable failure, boolean perUser) {
        if (failure instanceof IllegalArgumentException invalid) {
            return expected("invalid_argument", "Invalid argument: " + invalid.getMessage());
        }
        if (failure instanceof ToolRefusal refusal) {
            return expected(refusal.kind(), refusal.getMessage());
        }
        if (failure instanceof SiteUnavailable unavailable) {
            return expected("site_unavailable", unavailable.getMessage());
        }
        if (failure instanceof AmbiguousWrite write) {
            String reason = describe(write.getCause(), perUser).message().split("\\. ", 2)[0].replaceAll("\\.$", "");
            return expected("outcome_unknown",
                    "It is unknown whether Atlassian applied this change (" + write.change() + "): " + reason
                            + ". It was not retried, so it happened at most once. Before trying again, "
                            + write.howToCheck()
                            + ".");
        }
        AtlassianNotConnected notConnected = find(failure, AtlassianNotConnected.class);
        if (notConnected != null) {
            return expected("not_connected", notConnected.instructions());
        }
        NoPersonClaim noPerson = find(failure, NoPersonClaim.class);
        if (noPerson != null) {
            return expected("credentials", noPerson.getMessage() + ".");
        }
        if (find(failure, VaultUnavailable.class) != null) {
            return expected("vault_unavailable", "This server cannot reach its token store right now, so it cannot "
                    + "act as you. Nothing was sent to Atlassian and your connection is kept. Try again in a minute; if "
                    + "it persists, tell the server's operator.");
        }
        if (find(failure, AtlassianTokens.TokenEndpointFailure.class) != null) {
            return expected("authorization_server", "Atlassian's authorization server did not renew your access "
                    + "just now. Nothing was sent to Atlassian and your connection is kept. Try again in a minute.");
        }
        if (find(failure, OutboundCredentials.MissingUserTokenException.class) != null) {
            return expected("credentials",
                    "This server calls Atlassian with your own Atlassian credentials, and your MCP client "
                            + "sent none. Configure the client to send the header "
                            + OutboundCredentials.USER_TOKEN_HEADER
                            + ": on Cloud your-email:your-api-token or an OAuth access token, on Data Center a personal "
                            + "access token. Nothing was sent to Atlassian.");
        }
        AtlassianException atlassian = find(failure, AtlassianException.class);
        if (atlassian != null) {
            return expected(kind(atlassian.status()),
                    atlassian.status() == 401 && perUser ? "Atlassian did not accept the token your MCP "
                            + "client sent in " + OutboundCredentials.USER_TOKEN_HEADER + " (HTTP 401). Check it is "
                            + "complete and not expired or revoked, renew it if needed, and update the client's configuration."
                            : forStatus(atlassian));
        }
        if (isConnectionRefused(failure)) {
            return expected("unreachable",
                    "Cannot reach Atlassian: the connection was refused. Check ATLASSIAN_URL and that this "
                            + "server can reach the site; then try again.");
        }
        if (find(failure, SSLException.class) != null) {
            return expected("unreachable",
                    "Cannot open a trusted TLS connection to Atlassian. Check that ATLASSIAN_TLS_CA_BUNDLE "
                            + "holds the CA that signed the site's certificate and, if the site requires a client "
                            + "certificate, set ATLASSIAN_TLS_CLIENT_CERT and ATLASSIAN_TLS_CLIENT_KEY.");
        }
        if (find(failure, UnknownHostException.class) != null) {
            return expected("unreachable",
                    "Cannot reach Atlassian: the host name in ATLASSIAN_URL does not resolve. Check the "
                            + "URL and DNS.");
        }
        if (isTimeout(failure)) {
            return expected("timeout",
                    "Atlassian did not answer in time. The site may be slow or overloaded; try again in a "
                            + "moment or narrow the request.");
        }
        if (isConnectionClosed(failure)) {
            return expected("connection_closed",
                    "Atlassian closed the connection before answering. Try again; if it keeps happening, "
                            + "check the site's status and any proxy between this server and Atlassian.");
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        return new Described("Unexpected error while calling Atlassian (reference " + reference + "). Try again; "
                + "if it persists, give the reference to the server's operator.", true, reference, "unexpected");
    }

    static String forStatus(AtlassianException e) {
        String said = said(e.messages());
        return switch (e.status()) {
        case 400 -> "Atlassian rejected the request" + said + ". Correct the input and try again.";
        case 401 -> "Atlassian did not accept this server's credentials (HTTP 401). The operator should check "
                + "ATLASSIAN_AUTH_EMAIL and ATLASSIAN_AUTH_TOKEN (Cloud API token) or the personal access "
                + "token (Data Center); tokens expire.";
        case 403 -> "Atlassian denied this operation (HTTP 403)" + said + ". The Atlassian account used lacks "
                + "the permission; ask a site admin or use an account that has it.";
        case 404 -> e.messages().isEmpty()
                ? "Not found. It does not exist or the Atlassian account used may not see it (Atlassian answers "
                        + "404 for both). Check the key or id."
                : "Not found" + said(e.messages()) + ". Check the key or id.";
        case 409 -> "Conflict (HTTP 409)" + said + ". The item changed meanwhile; read it again and retry.";
        case 410 -> "Atlassian has removed the API this server called (HTTP 410)" + said
                + ". Upgrade this server.";
        case 413 -> "Atlassian refused the request as too large or over a per-item limit (HTTP 413)" + said + ".";
        case 429 -> "Atlassian's rate limit was reached (HTTP 429). " + e.retryAfterSeconds()
                .map(s -> "Retry after " + s + " seconds.").orElse("Wait a little, then retry.");
        case 502, 503, 504 -> "Atlassian is temporarily unavailable (HTTP " + e.status() + "). " + e
                .retryAfterSeconds().map(s -> "Retry after " + s + " seconds.").orElse("Try again shortly.");
        default -> e.status() >= 500
                ? "Atlassian had an internal error (HTTP " + e.status() + "). Try again shortly; if it persists, "
                        + "check the site's status."
                : "Atlassian answered HTTP " + e.status() + said + ".";
        };
    }

    private static String said(List<String> messages) {
        return messages.isEmpty() ? "" : ": " + String.join(" ", messages).replaceAll("[.\\s]+$", "");
    }

    /**
     * The caller's own credential could not be had (no user token, not connected, the vault or Atlassian's
     * authorization server failing): nothing was sent to the site, so this is neither the site failing nor worth
     * retrying here.
     */
    public static boolean isCredentialFailure(Throwable failure) {
        return find(failure, OutboundCredentials.MissingUserTokenException.class) != null || find(failure,
                AtlassianNotConnected.class) != null || find(failure, VaultUnavailable.class) != null || find(failure,
                        NoPersonClaim.class) != null
                || find(failure,
                        AtlassianTokens.TokenEndpointFailure.class) != null;
    }

    public static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    /** The connection was refused: nothing was sent. */
    public static boolean isConnectionRefused(Throwable failure) {
        return find(failure, ConnectException.class) != null;
    }

    public static boolean isConnectionClosed(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            String message = String.valueOf(t.getMessage());
            if (name.equals("HttpClosedException") || name.equals("ClosedChannelException")
                    || message.contains("Connection was closed") || message.contains("connection was closed")
                    || message.contains("Connection reset")) {
                return true;
            }
        }
        return false;
    }

    /** The first {@code type} in {@code failure}'s cause chain, or null. */
    public static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Described expected(String kind, String message) {
        return new Described(message, false, null, kind);
    }

    private static String kind(int status) {
        return switch (status) {
        case 401, 403 -> "atlassian_denied";
        case 404 -> "not_found";
        case 409 -> "conflict";
        case 429 -> "rate_limited";
        default -> status >= 500 ? "atlassian_failed" : "atlassian_rejected";
        };
    }
}

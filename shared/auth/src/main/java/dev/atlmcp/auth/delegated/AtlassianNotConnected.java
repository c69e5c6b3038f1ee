package dev.atlmcp.auth.delegated;

import java.util.List;

/**
 * The caller has no usable grant for this product: never connected, disconnected, Atlassian ended the grant, or the
 * grant lacks scopes this server now asks for. Nothing was sent to Atlassian; {@link #connectUrl()} is where the caller
 * connects.
 */
public final class AtlassianNotConnected extends RuntimeException {

    /** Why the person must connect; {@code missingScopes} only for {@link Reason#MORE_ACCESS}. */
    enum Reason {
        NEVER, ENDED, MORE_ACCESS
    }

    private final String connectUrl;
    private final Reason reason;
    private final List<String> missingScopes;
    private final String product;

    /** {@code product}: as people read it, e.g. Jira. */
    AtlassianNotConnected(String product, String connectUrl, Reason reason, List<String> missingScopes) {
        super("Not connected to Atlassian", null, false, false);
        this.product = product;
        this.connectUrl = connectUrl;
        this.reason = reason;
        this.missingScopes = List.copyOf(missingScopes);
    }

    public String connectUrl() {
        return connectUrl;
    }

    /** What the person reads: why, what to open, and that nothing was sent. */
    public String instructions() {
        String why = switch (reason) {
        case ENDED -> "Your Atlassian connection for " + product + " has ended (it expired, was revoked in your "
                + "Atlassian account, or was replaced), so this server cannot act as you any more.";
        case MORE_ACCESS -> "This server now needs more access in " + product + " than you granted when you connected ("
                + String.join(", ", missingScopes) + "), after an upgrade or a change of its settings; connect again "
                + "to grant it.";
        case NEVER -> "This server acts in " + product + " as you, with your own Atlassian permissions, and you have "
                + "not connected your Atlassian account yet.";
        };
        return why + " Open " + connectUrl + " in your browser, sign in and accept, then try again. The link works "
                + "for you only and expires in a few minutes. Nothing was sent to Atlassian.";
    }
}

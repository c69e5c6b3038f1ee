package dev.atlmcp.auth.delegated;

/**
 * The caller has no usable grant for this product: never connected, disconnected, or Atlassian ended the grant. Nothing
 * was sent to Atlassian; {@link #connectUrl()} is where the caller connects.
 */
public final class AtlassianNotConnected extends RuntimeException {

    private final String connectUrl;
    private final boolean ended;
    private final String product;

    /** {@code product}: as people read it, e.g. Jira. */
    AtlassianNotConnected(String product, String connectUrl, boolean ended) {
        super("Not connected to Atlassian", null, false, false);
        this.product = product;
        this.connectUrl = connectUrl;
        this.ended = ended;
    }

    public String connectUrl() {
        return connectUrl;
    }

    /** What the person reads: why, what to open, and that nothing was sent. */
    public String instructions() {
        String why = ended ? "Your Atlassian connection for " + product + " has ended (it expired, was revoked in your "
                + "Atlassian account, or was replaced), so this server cannot act as you any more."
                : "This server acts in " + product + " as you, with your own Atlassian permissions, and you have not "
                        + "connected your Atlassian account yet.";
        return why + " Open " + connectUrl + " in your browser, sign in and accept, then try again. The link works "
                + "for you only and expires in a few minutes. Nothing was sent to Atlassian.";
    }
}

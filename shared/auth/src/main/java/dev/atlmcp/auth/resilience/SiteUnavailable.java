package dev.atlmcp.auth.resilience;

/**
 * A request this server did not send because the site is failing (the circuit is open) or too many requests are already
 * waiting for it. Nothing reached Atlassian.
 */
public class SiteUnavailable extends RuntimeException {

    private final long retryAfterSeconds;

    SiteUnavailable(String message, long retryAfterSeconds) {
        super(message, null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

package dev.atlmcp.platform.atlassian;

/**
 * A request this server did not send because the site is failing (the circuit is open) or too many requests are already
 * waiting for it. Nothing reached Atlassian; the message says when to retry.
 */
public class SiteUnavailable extends RuntimeException {

    SiteUnavailable(String message) {
        super(message, null, false, false);
    }
}

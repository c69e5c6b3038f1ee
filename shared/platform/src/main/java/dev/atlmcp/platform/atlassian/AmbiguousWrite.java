package dev.atlmcp.platform.atlassian;

import java.util.function.Supplier;

/**
 * A write whose request reached Atlassian but whose outcome is unknown: a timeout, a dropped connection or a 5xx after
 * the request was sent. It is never retried automatically; the caller is told how to check before trying again.
 * Failures that certainly changed nothing (4xx including 429, a refused connection) pass through unchanged.
 */
public class AmbiguousWrite extends RuntimeException {

    private final String change;
    private final String howToCheck;

    private AmbiguousWrite(String change, String howToCheck, RuntimeException cause) {
        super("Outcome unknown: " + change, cause, false, false);
        this.change = change;
        this.howToCheck = howToCheck;
    }

    /**
     * Sends one write.
     *
     * @param change
     *            what the write does, e.g. {@code add a comment to OPS-5}
     * @param howToCheck
     *            how to see whether it happened, e.g. {@code read OPS-5 with jira_get_issue and look at ...}
     */
    public static <T> T send(String change, String howToCheck, Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException e) {
            if (ambiguous(e)) {
                throw new AmbiguousWrite(change, howToCheck, e);
            }
            throw e;
        }
    }

    String change() {
        return change;
    }

    String howToCheck() {
        return howToCheck;
    }

    private static boolean ambiguous(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AtlassianException atlassian) {
                return atlassian.status() >= 500;
            }
            if (t instanceof java.net.ConnectException) {
                return false;
            }
        }
        return ErrorMessages.isTimeout(failure) || ErrorMessages.isConnectionClosed(failure);
    }
}

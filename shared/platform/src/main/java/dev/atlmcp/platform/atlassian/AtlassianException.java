package dev.atlmcp.platform.atlassian;

import java.util.List;
import java.util.Optional;

/**
 * A non-2xx answer from Atlassian, with the messages it gave and its rate-limit hints. Carries no request headers and
 * so no credentials.
 */
public class AtlassianException extends RuntimeException {

    private final int status;
    private final List<String> messages;
    private final Optional<Long> retryAfterSeconds;
    private final Optional<String> rateLimitReason;

    public AtlassianException(int status, List<String> messages, Optional<Long> retryAfterSeconds) {
        this(status, messages, retryAfterSeconds, Optional.empty());
    }

    /** {@code rateLimitReason}: Atlassian's {@code RateLimit-Reason} header, e.g. {@code jira-burst-based}. */
    public AtlassianException(int status, List<String> messages, Optional<Long> retryAfterSeconds,
            Optional<String> rateLimitReason) {
        super("Atlassian answered HTTP " + status + (messages.isEmpty() ? "" : ": " + String.join(" ", messages)),
                null, false, false);
        this.status = status;
        this.messages = List.copyOf(messages);
        this.retryAfterSeconds = retryAfterSeconds;
        this.rateLimitReason = rateLimitReason;
    }

    public int status() {
        return status;
    }

    /** What Atlassian said, e.g. Jira's {@code errorMessages} and field {@code errors}; may be empty. */
    public List<String> messages() {
        return messages;
    }

    public Optional<Long> retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Optional<String> rateLimitReason() {
        return rateLimitReason;
    }

    /** What {@code read} returns, or empty if Atlassian answers 404 (there is no such thing); other failures pass. */
    public static <T> Optional<T> unlessNotFound(java.util.function.Supplier<T> read) {
        try {
            return Optional.ofNullable(read.get());
        } catch (AtlassianException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}

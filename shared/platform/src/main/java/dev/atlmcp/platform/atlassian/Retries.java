package dev.atlmcp.platform.atlassian;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which failed requests are tried again, and after how long. Reads are retried on 429, 502, 503, 504 and on connections
 * that were refused, dropped or timed out. Writes only when Atlassian certainly did not apply them: 429 (the rate
 * limiter answers before anything is done) and a refused connection (nothing was sent); every other write failure is
 * left to the caller, as its outcome is unknown.
 */
final class Retries {

    private Retries() {
    }

    /** Why {@code failure} may be retried ({@code 429}, {@code 503}, {@code connection}, ...), or empty. */
    static Optional<String> retryable(Throwable failure, boolean read) {
        if (ErrorMessages.isCredentialFailure(failure)) {
            return Optional.empty();
        }
        AtlassianException atlassian = ErrorMessages.find(failure, AtlassianException.class);
        if (atlassian != null) {
            int status = atlassian.status();
            boolean retry = status == 429 || read && (status == 502 || status == 503 || status == 504);
            return retry ? Optional.of(String.valueOf(status)) : Optional.empty();
        }
        if (ErrorMessages.isConnectionRefused(failure)) {
            return Optional.of("connection_refused");
        }
        if (read && (ErrorMessages.isConnectionClosed(failure) || ErrorMessages.isTimeout(failure))) {
            return Optional.of(ErrorMessages.isTimeout(failure) ? "timeout" : "connection_closed");
        }
        return Optional.empty();
    }

    /**
     * How long to wait before retry number {@code retry} (0 for the first): the {@code Retry-After} Atlassian gave, or
     * an exponential backoff with jitter (half the step fixed, half random).
     */
    static Duration delay(Throwable failure, int retry, ResilienceConfig config) {
        AtlassianException atlassian = ErrorMessages.find(failure, AtlassianException.class);
        if (atlassian != null && atlassian.retryAfterSeconds().isPresent()) {
            return Duration.ofSeconds(atlassian.retryAfterSeconds().get()).plusMillis(ThreadLocalRandom.current()
                    .nextLong(50));
        }
        long step = Math.min(config.maxBackoff().toMillis(), config.initialBackoff().toMillis() << Math.min(retry,
                20));
        return Duration.ofMillis(step / 2 + ThreadLocalRandom.current().nextLong(step / 2 + 1));
    }

    /** Whether {@code failure} says the site is failing (it counts against the circuit breaker). */
    static boolean siteFailing(Throwable failure) {
        if (ErrorMessages.isCredentialFailure(failure)) {
            return false;
        }
        AtlassianException atlassian = ErrorMessages.find(failure, AtlassianException.class);
        if (atlassian != null) {
            return atlassian.status() >= 500;
        }
        return ErrorMessages.isConnectionRefused(failure) || ErrorMessages.isConnectionClosed(failure)
                || ErrorMessages.isTimeout(failure);
    }
}

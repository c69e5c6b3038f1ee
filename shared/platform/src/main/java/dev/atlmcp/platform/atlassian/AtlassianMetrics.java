package dev.atlmcp.platform.atlassian;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What operators see of the traffic to Atlassian at {@code /q/metrics}: requests by method, status and
 * {@code RateLimit-Reason} (status {@code none} when no answer came, with the cause), retries, local throttling, and
 * the circuit breaker's state.
 */
@ApplicationScoped
public class AtlassianMetrics {

    /** The latest request's outcome: an HTTP status, or how the connection failed; and when. */
    public record LastOutcome(String outcome, Instant at) {
    }

    private final MeterRegistry registry;
    private final AtomicReference<LastOutcome> last = new AtomicReference<>();

    AtlassianMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** What the latest request to Atlassian got, if there was one. */
    public Optional<LastOutcome> last() {
        return Optional.ofNullable(last.get());
    }

    /** One answer from Atlassian. */
    public void response(String method, int status, String rateLimitReason, long nanos) {
        last.set(new LastOutcome("HTTP " + status, Instant.now()));
        requests(method, String.valueOf(status), rateLimitReason, "answered").record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A request that got no answer: the connection was refused, dropped or timed out. */
    public void noResponse(Throwable failure, long nanos) {
        String cause = ErrorMessages.isConnectionRefused(failure) ? "refused"
                : ErrorMessages.isTimeout(failure) ? "timeout"
                        : ErrorMessages.isConnectionClosed(failure) ? "closed" : null;
        if (cause != null) {
            last.set(new LastOutcome("connection " + cause, Instant.now()));
            requests("any", "none", "none", cause).record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private Timer requests(String method, String status, String rateLimitReason, String cause) {
        return Timer.builder("atlassian.requests").description("Requests to Atlassian, by answer").tag("method",
                method).tag("status", status).tag("rate_limit_reason", rateLimitReason).tag("cause", cause)
                .publishPercentileHistogram().register(registry);
    }

    /** A request sent again; {@code why} is the status or the connection failure. */
    public void retry(boolean read, String why) {
        Counter.builder("atlassian.retries").description("Requests to Atlassian sent again").tag("kind", read
                ? "read" : "write").tag("reason", why).register(registry).increment();
    }

    /** This server held a request back: {@code paused} (Retry-After), {@code near_limit}, {@code refused}. */
    public void throttled(String how) {
        Counter.builder("atlassian.throttled").description("Requests to Atlassian held back by this server").tag(
                "how", how).register(registry).increment();
    }

    /** The circuit breaker's state: 0 closed, 1 open, 2 half-open. */
    public void circuitGauge(Supplier<Number> state) {
        Gauge.builder("atlassian.circuit.state", state).description("Circuit breaker for the Atlassian site: 0 "
                + "closed, 1 open, 2 half-open").register(registry);
    }
}

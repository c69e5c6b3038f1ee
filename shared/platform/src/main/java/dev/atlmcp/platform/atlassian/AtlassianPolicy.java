package dev.atlmcp.platform.atlassian;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import io.quarkus.arc.Arc;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;

import dev.atlmcp.platform.observability.ServerOverhead;

/**
 * The one retry and protection policy for requests to the Atlassian site, built on SmallRye Fault Tolerance: a circuit
 * breaker that stops calling a failing site and a bulkhead that bounds the requests in flight (one {@link Guard} for
 * the site), and around it retries with {@code Retry-After} or exponential backoff and jitter, bounded by the tool
 * call's {@link CallBudget}, with rate-limit pauses shared by all callers ({@link RateLimitPacer}). The retry loop is
 * ours because it must wait exactly as long as Atlassian says, but never past the tool call's remaining budget.
 */
@ApplicationScoped
public class AtlassianPolicy {

    /** The circuit breaker's name, for {@link CircuitBreakerMaintenance}. */
    public static final String CIRCUIT = "atlassian-site";

    private final ResilienceConfig config;
    private final RateLimitPacer pacer;
    private final AtlassianMetrics metrics;
    private final Instance<CallBudget> budget;
    private final AtomicLong circuitOpenedAt = new AtomicLong();
    private final Guard site;

    AtlassianPolicy(ResilienceConfig config, RateLimitPacer pacer, AtlassianMetrics metrics,
            Instance<CallBudget> budget) {
        this.config = config;
        this.pacer = pacer;
        this.metrics = metrics;
        this.budget = budget;
        ResilienceConfig.CircuitBreaker breaker = config.circuitBreaker();
        this.site = Guard.create().withDescription(CIRCUIT)
                .withCircuitBreaker().name(CIRCUIT).requestVolumeThreshold(breaker.requestVolume()).failureRatio(breaker
                        .failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS).successThreshold(
                        breaker.successThreshold())
                .when(Retries::siteFailing).onStateChange(this::changed)
                .done()
                .withBulkhead().limit(config.bulkhead().limit()).queueSize(config.bulkhead().queue())
                .enableSynchronousQueueing().done()
                .build();
        metrics.circuitGauge(() -> CircuitBreakerMaintenance.get().currentState(CIRCUIT).ordinal());
    }

    /** Sends one request through the policy; {@code endpoint} names it for rate-limit scopes. */
    public Object call(String endpoint, boolean read, Callable<Object> request) throws Exception {
        long started = System.nanoTime();
        try {
            return send(endpoint, read, request);
        } finally {
            ServerOverhead.waitedOnAtlassian(System.nanoTime() - started);
        }
    }

    private Object send(String endpoint, boolean read, Callable<Object> request) throws Exception {
        long deadline = deadline();
        for (int retry = 0;; retry++) {
            pacer.awaitTurn(endpoint, deadline);
            long start = System.nanoTime();
            try {
                return site.call(request, Object.class);
            } catch (CircuitBreakerOpenException e) {
                throw circuitOpen();
            } catch (BulkheadException e) {
                throw new SiteUnavailable("This server already has " + config.bulkhead().limit() + " requests in "
                        + "flight to Atlassian and " + config.bulkhead().queue() + " waiting; nothing was sent. Try "
                        + "again in a few seconds.");
            } catch (Exception e) {
                AtlassianException atlassian = ErrorMessages.find(e, AtlassianException.class);
                if (atlassian == null) {
                    metrics.noResponse(e, System.nanoTime() - start);
                } else if (atlassian.status() == 429) {
                    pacer.limited(endpoint, atlassian);
                }
                Optional<String> why = Retries.retryable(e, read);
                if (why.isEmpty() || retry >= config.maxRetries()) {
                    throw e;
                }
                Duration wait = Retries.delay(e, retry, config);
                if (System.nanoTime() + wait.toNanos() - deadline > 0) {
                    throw e;
                }
                metrics.retry(read, why.get());
                TimeUnit.MILLISECONDS.sleep(wait.toMillis());
            }
        }
    }

    /** {@code closed}, {@code open} or {@code half_open}. */
    public String circuitState() {
        return CircuitBreakerMaintenance.get().currentState(CIRCUIT).name().toLowerCase(java.util.Locale.ROOT);
    }

    private void changed(CircuitBreakerState state) {
        if (state == CircuitBreakerState.OPEN) {
            circuitOpenedAt.set(System.nanoTime());
        }
    }

    private SiteUnavailable circuitOpen() {
        long delay = config.circuitBreaker().delay().toSeconds();
        long left = Math.max(1, delay - TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - circuitOpenedAt.get()));
        return new SiteUnavailable("Atlassian is failing: most of this server's recent requests to it failed (5xx, "
                + "refused, dropped or timed out), so it pauses calls for " + delay + " seconds before trying again; "
                + "nothing was sent. Retry after " + left + " seconds; if it persists, check the site's status.");
    }

    private long deadline() {
        if (Arc.container().requestContext().isActive()) {
            return budget.get().deadlineNanos();
        }
        return CallBudget.deadlineFromNow(config.callBudget());
    }
}

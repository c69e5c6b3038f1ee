package dev.atlmcp.platform.atlassian;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How this server treats a slow, limited or failing Atlassian site ({@code ATLASSIAN_RESILIENCE_*}). The policy applies
 * to every request to the site (see {@link AtlassianPolicy}); connect and read timeouts are the REST clients'
 * ({@code QUARKUS_REST_CLIENT_<CLIENT>_CONNECT_TIMEOUT}, {@code ..._READ_TIMEOUT}).
 */
@ConfigMapping(prefix = "atlassian.resilience")
public interface ResilienceConfig {

    /**
     * The most one tool call may spend waiting to retry (backoff, {@code Retry-After}, rate-limit pauses). A wait that
     * would end after it is not started: the call fails at once with the reason and when to retry.
     */
    @WithDefault("20s")
    Duration callBudget();

    /** Retries of one request at most (reads; writes only when Atlassian certainly did not apply them). */
    @WithDefault("6")
    int maxRetries();

    /** The first backoff when Atlassian gives no {@code Retry-After}; it doubles per retry, with jitter. */
    @WithDefault("250ms")
    Duration initialBackoff();

    @WithDefault("4s")
    Duration maxBackoff();

    /**
     * While Atlassian says the quota is nearly used ({@code X-RateLimit-NearLimit}), requests are spaced at least this
     * far apart, for {@link #nearLimitWindow()} after the last such answer.
     */
    @WithDefault("200ms")
    Duration nearLimitSpacing();

    @WithDefault("10s")
    Duration nearLimitWindow();

    CircuitBreaker circuitBreaker();

    Bulkhead bulkhead();

    /** Stops calling a failing site for a while (5xx, refused, dropped or timed-out connections count as failures). */
    interface CircuitBreaker {

        /** The number of recent requests the failure ratio is taken over. */
        @WithDefault("20")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the circuit stays open before a few trial requests test the site again. */
        @WithDefault("15s")
        Duration delay();

        /** Successful trial requests that close the circuit again. */
        @WithDefault("2")
        int successThreshold();
    }

    /**
     * Bounds the requests this server has in flight to Atlassian at once; more wait in a queue, and beyond it a call
     * fails at once. Limit plus queue must stay within three quarters of the worker threads
     * ({@link ResilienceConfigCheck}).
     */
    interface Bulkhead {

        @WithDefault("32")
        int limit();

        @WithDefault("256")
        int queue();
    }
}

package dev.atlmcp.platform.atlassian;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Slows this server down before Atlassian has to: after a 429 with {@code Retry-After}, no request of the limited scope
 * is sent until that time (a request that cannot wait so long within its budget fails at once, without spending quota);
 * while Atlassian says the quota is nearly used, requests are spaced out. The scope follows {@code RateLimit-Reason}:
 * burst and per-issue limits pause the endpoint, every other limit the whole site.
 */
@ApplicationScoped
public class RateLimitPacer {

    static final String SITE = "site";

    private final ResilienceConfig config;
    private final AtlassianMetrics metrics;
    private final Map<String, Long> pausedUntil = new ConcurrentHashMap<>();
    private final AtomicLong nearLimitUntil = new AtomicLong(System.nanoTime());
    private final AtomicLong nextSlot = new AtomicLong(System.nanoTime());

    RateLimitPacer(ResilienceConfig config, AtlassianMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Waits until a request to {@code endpoint} may be sent, or throws a 429 at once if the pause outlasts
     * {@code deadlineNanos}.
     */
    void awaitTurn(String endpoint, long deadlineNanos) throws InterruptedException {
        long now = System.nanoTime();
        long until = Math.max(pausedUntil.getOrDefault(SITE, now), pausedUntil.getOrDefault(endpoint, now));
        if (until - now > 0) {
            if (until - deadlineNanos > 0) {
                metrics.throttled("refused");
                throw new AtlassianException(429, List.of(), Optional.of(Math.max(1, TimeUnit.NANOSECONDS
                        .toSeconds(until - now + 999_999_999))));
            }
            metrics.throttled("paused");
            TimeUnit.NANOSECONDS.sleep(until - now);
            now = System.nanoTime();
        }
        if (nearLimitUntil.get() - now > 0) {
            long spacing = config.nearLimitSpacing().toNanos();
            long startAt = now;
            long slot = nextSlot.accumulateAndGet(now, (previous, current) -> previous + spacing - current > 0
                    ? previous + spacing : current);
            if (slot - startAt > 0 && slot - deadlineNanos < 0) {
                metrics.throttled("near_limit");
                TimeUnit.NANOSECONDS.sleep(slot - startAt);
            }
        }
    }

    /** Remembers a 429's {@code Retry-After} for its scope. */
    void limited(String endpoint, AtlassianException limit) {
        limit.retryAfterSeconds().filter(s -> s > 0).ifPresent(seconds -> {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            pausedUntil.merge(scope(endpoint, limit.rateLimitReason()), until, Math::max);
        });
    }

    /** Atlassian said less than a fifth of a quota is left: space requests out for a while. */
    public void nearLimit() {
        nearLimitUntil.set(System.nanoTime() + config.nearLimitWindow().toNanos());
    }

    /** Forgets every pause, e.g. after an outage drill against a test site. */
    public void forget() {
        pausedUntil.clear();
        nearLimitUntil.set(System.nanoTime());
    }

    private static String scope(String endpoint, Optional<String> reason) {
        String why = reason.orElse("").toLowerCase(Locale.ROOT);
        return why.contains("burst") || why.contains("per-issue") ? endpoint : SITE;
    }
}

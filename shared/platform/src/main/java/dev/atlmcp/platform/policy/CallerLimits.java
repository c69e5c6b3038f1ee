package dev.atlmcp.platform.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.platform.config.PlatformConfig;
import dev.atlmcp.platform.errors.ToolRefusal;

/**
 * A token bucket per caller on tool calls, so one agent in a loop cannot use up the site's rate limit for everyone.
 * Buckets live in this replica's memory; a caller whose bucket is full again is forgotten.
 */
@ApplicationScoped
public class CallerLimits {

    /** A tool call refused because its caller is over the limit; says when to retry. */
    public static final class LimitReached extends ToolRefusal {
        LimitReached(String message) {
            super("caller_limited", message);
        }
    }

    /** Tokens left and when they were counted; changed only inside the map's atomic {@code compute}. */
    private record Bucket(double tokens, long countedAt) {
        Bucket refilled(long now, double rate, int burst) {
            return new Bucket(Math.min(burst, tokens + (now - countedAt) / 1e9 * rate), now);
        }
    }

    private static final int SWEEP_EVERY = 1024;

    private final double rate;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    CallerLimits(PlatformConfig config) {
        this.rate = config.callerLimit().rate();
        this.burst = Math.max(1, config.callerLimit().burst());
    }

    /** Takes one call from {@code caller}'s bucket, or refuses, saying when the next call would be allowed. */
    public void take(String caller) {
        if (rate <= 0) {
            return;
        }
        long now = System.nanoTime();
        boolean[] allowed = new boolean[1];
        Bucket left = buckets.compute(caller, (key, bucket) -> {
            Bucket current = bucket == null ? new Bucket(burst, now) : bucket.refilled(now, rate, burst);
            allowed[0] = current.tokens() >= 1;
            return allowed[0] ? new Bucket(current.tokens() - 1, now) : current;
        });
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            buckets.keySet().forEach(key -> buckets.computeIfPresent(key, (k, bucket) -> bucket.refilled(now, rate,
                    burst).tokens() >= burst ? null : bucket));
        }
        if (!allowed[0]) {
            long seconds = (long) Math.ceil((1 - left.tokens()) / rate);
            throw new LimitReached("You are calling this server's tools faster than it allows (" + format(rate)
                    + " calls per second, bursts of " + burst + "). Retry after " + seconds + " seconds, and make "
                    + "fewer calls in parallel.");
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}

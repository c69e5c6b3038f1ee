package dev.atlmcp.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The rate-limit headers real sites put on every answer. Cloud: {@code X-RateLimit-Limit}, {@code -Remaining},
 * {@code -Reset} (when the hour's budget renews) and {@code -NearLimit}; Data Center: its token bucket's
 * {@code X-RateLimit-Limit}, {@code -Remaining}, {@code -Interval-Seconds} and {@code -FillRate}. The budgets are far
 * above what tests use (a benchmark can raise Cloud's); a 429 with {@code Retry-After} comes from a fault rule.
 */
final class RateLimitHeaders {

    private static final long CLOUD_PER_HOUR = 100_000;
    private static final long DATA_CENTER_BUCKET = 10_000;

    private final Clock clock = Clock.systemUTC();
    private final AtomicLong used = new AtomicLong();
    private volatile Instant hour = Instant.EPOCH;
    private volatile long cloudPerHour = CLOUD_PER_HOUR;

    void cloudPerHour(long limit) {
        cloudPerHour = limit;
    }

    Map<String, String> headers(boolean dataCenter) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.HOURS);
        if (!now.equals(hour)) {
            hour = now;
            used.set(0);
        }
        long count = used.incrementAndGet();
        Map<String, String> headers = new LinkedHashMap<>();
        if (dataCenter) {
            headers.put("X-RateLimit-Limit", String.valueOf(DATA_CENTER_BUCKET));
            headers.put("X-RateLimit-Remaining", String.valueOf(Math.max(0, DATA_CENTER_BUCKET - count % 1000)));
            headers.put("X-RateLimit-Interval-Seconds", "1");
            headers.put("X-RateLimit-FillRate", "100");
        } else {
            long limit = cloudPerHour;
            long remaining = Math.max(0, limit - count);
            headers.put("X-RateLimit-Limit", String.valueOf(limit));
            headers.put("X-RateLimit-Remaining", String.valueOf(remaining));
            headers.put("X-RateLimit-Reset", now.plus(1, ChronoUnit.HOURS).toString());
            headers.put("X-RateLimit-NearLimit", String.valueOf(remaining < limit / 5));
        }
        return headers;
    }
}

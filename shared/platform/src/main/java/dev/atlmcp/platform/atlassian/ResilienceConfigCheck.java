package dev.atlmcp.platform.atlassian;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.atlmcp.auth.config.ConfigCheck;

/**
 * The resilience settings must make sense together. In particular, the requests the bulkhead lets wait for Atlassian
 * park worker threads, and completing an Atlassian answer needs a free worker thread: if the bulkhead could park every
 * worker, the server would stop answering. So its limit plus queue must stay below the worker pool.
 */
@Singleton
public class ResilienceConfigCheck implements ConfigCheck {

    private final ResilienceConfig config;
    private final int workerThreads;

    ResilienceConfigCheck(ResilienceConfig config,
            @ConfigProperty(name = "quarkus.thread-pool.max-threads") Optional<Integer> maxThreads) {
        this.config = config;
        this.workerThreads = maxThreads.orElse(Math.max(8 * Runtime.getRuntime().availableProcessors(), 200));
    }

    @Override
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        ResilienceConfig.Bulkhead bulkhead = config.bulkhead();
        if (bulkhead.limit() < 1 || bulkhead.queue() < 0) {
            problems.add(ConfigCheck.problem("atlassian.resilience.bulkhead.limit", "must be at least 1 and "
                    + "atlassian.resilience.bulkhead.queue at least 0"));
        } else if (bulkhead.limit() + bulkhead.queue() > workerThreads * 3 / 4) {
            problems.add(ConfigCheck.problem("atlassian.resilience.bulkhead.queue", "plus the bulkhead limit ("
                    + (bulkhead.limit() + bulkhead.queue()) + ") must stay within three quarters of the worker "
                    + "threads (" + workerThreads + ", quarkus.thread-pool.max-threads), or waiting requests could "
                    + "take every worker and the server would stop answering; lower it or raise "
                    + "QUARKUS_THREAD_POOL_MAX_THREADS"));
        }
        double ratio = config.circuitBreaker().failureRatio();
        if (ratio <= 0 || ratio > 1 || config.circuitBreaker().requestVolume() < 1) {
            problems.add(ConfigCheck.problem("atlassian.resilience.circuit-breaker.failure-ratio", "must be in "
                    + "(0, 1] and atlassian.resilience.circuit-breaker.request-volume at least 1"));
        }
        if (config.maxRetries() < 0) {
            problems.add(ConfigCheck.problem("atlassian.resilience.max-retries", "must be 0 or more"));
        }
        return problems;
    }
}

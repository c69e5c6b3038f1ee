package dev.atlmcp.platform.atlassian;

import java.time.Duration;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The time one tool call may still spend waiting on Atlassian: it starts with the call's first Atlassian request and is
 * shared by every request the call makes, parallel ones included.
 */
@RequestScoped
public class CallBudget {

    private long deadlineNanos;

    @Inject
    void start(ResilienceConfig config) {
        deadlineNanos = System.nanoTime() + config.callBudget().toNanos();
    }

    /** The deadline as a {@link System#nanoTime()} value. */
    public long deadlineNanos() {
        return deadlineNanos;
    }

    /** A budget for work outside a tool call (start-up checks), starting now. */
    static long deadlineFromNow(Duration budget) {
        return System.nanoTime() + budget.toNanos();
    }
}

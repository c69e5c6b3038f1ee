package dev.atlmcp.platform.writes;

import jakarta.enterprise.context.RequestScoped;

/**
 * Whether the write gate let a write of the current tool call through. Every Atlassian request that writes passes
 * {@link WritePermitCheck}, which refuses it without this permit: a write tool that skipped the gate (dry run,
 * confirmation, its policy) fails on its first write instead of sending it.
 */
@RequestScoped
public class WritePermit {

    private boolean granted;

    void grant() {
        granted = true;
    }

    public boolean granted() {
        return granted;
    }
}

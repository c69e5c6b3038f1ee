package dev.atlmcp.compass.service;

import java.util.List;

/**
 * What a write did, in one sentence; its change id (null when it cannot be undone); notes on what went wrong around it.
 */
public record Written(String summary, String changeId, List<String> notes) {

    static Written unchanged(String summary) {
        return new Written(summary, null, List.of());
    }
}

package dev.atlmcp.sandbox.jira;

import java.util.Set;

import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.http.ApiException;

/**
 * A Jira project; {@code browsers} are the people allowed to see it, {@code workers} those of them who may also change
 * its issues (create, edit, comment, transition, link, log work, manage watchers).
 */
record Project(String id, String key, String name, String typeKey, SandboxUser lead, Set<SandboxUser> browsers,
        Set<SandboxUser> workers) {

    /** What Jira answers someone who may see an issue but not do what they asked. */
    static final String NO_ACCESS = "You currently don't have access to perform this operation.";

    boolean visibleTo(SandboxUser user) {
        return browsers.contains(user);
    }

    boolean workableBy(SandboxUser user) {
        return workers.contains(user);
    }

    void requireWorker(SandboxUser user) {
        if (!workableBy(user)) {
            throw ApiException.jira(403, NO_ACCESS);
        }
    }
}

package dev.atlmcp.sandbox.jira;

import java.util.Set;

import dev.atlmcp.sandbox.SandboxUser;

/** A Jira project; {@code browsers} are the people allowed to see it. */
record Project(String id, String key, String name, String typeKey, SandboxUser lead, Set<SandboxUser> browsers) {

    boolean visibleTo(SandboxUser user) {
        return browsers.contains(user);
    }
}

package dev.atlmcp.sandbox.confluence;

import java.util.Set;

import dev.atlmcp.sandbox.SandboxUser;

/** A Confluence space and the people who may view it. */
record Space(String id, String key, String name, String description, Set<SandboxUser> viewers) {

    boolean visibleTo(SandboxUser user) {
        return viewers.contains(user);
    }
}

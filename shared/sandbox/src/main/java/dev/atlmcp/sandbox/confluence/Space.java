package dev.atlmcp.sandbox.confluence;

import java.util.Set;

import dev.atlmcp.sandbox.SandboxUser;

/** A Confluence space, the people who may view it, and those of them who may also change its content. */
record Space(String id, String key, String name, String description, Set<SandboxUser> viewers,
        Set<SandboxUser> editors) {

    boolean visibleTo(SandboxUser user) {
        return viewers.contains(user);
    }

    /** Confluence's answer to someone who may read the space but not add or change content in it. */
    void requireEditor(SandboxUser user, boolean v2) {
        if (!editors.contains(user)) {
            throw v2 ? ConfluenceApi.v2Error(403, "PERMISSION_DENIED", "Forbidden", "Not permitted to change content "
                    + "in space " + key)
                    : Cql.error(403, "Forbidden", "User not permitted to change content in space " + key);
        }
    }
}

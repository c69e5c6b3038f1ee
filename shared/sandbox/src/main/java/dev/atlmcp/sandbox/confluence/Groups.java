package dev.atlmcp.sandbox.confluence;

import java.util.Map;
import java.util.Set;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.SandboxUser;

/** Confluence's groups, for page restrictions: who is in each. */
final class Groups {

    private static final Map<String, Set<SandboxUser>> MEMBERS = Map.of(
            "confluence-users", Set.copyOf(Directory.all()),
            "sre", Set.of(Directory.JANE, Directory.BOB, Directory.BOT),
            "payments-team", Set.of(Directory.JANE, Directory.PRIYA));

    private Groups() {
    }

    static Set<SandboxUser> members(String group) {
        return MEMBERS.getOrDefault(group, Set.of());
    }

    /** A stable id for a group, as Cloud gives each group one. */
    static String id(String group) {
        return java.util.UUID.nameUUIDFromBytes(group.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}

package dev.atlmcp.jira;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The policy an enterprise would set: two projects, a small result cap, writes only to the caller's own issues and
 * labelled as agent changes, two fields never shown.
 */
public class RestrictivePolicy implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mcp.policy.projects", "OPS,WEB", "mcp.policy.max-results", "5", "mcp.policy.write-guard",
                "own", "mcp.redaction.exclude-fields", "Severity,customfield_10060", "mcp.policy.mark-label",
                "agent-changed");
    }
}

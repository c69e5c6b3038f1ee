package dev.atlmcp.platform.policy;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.atlmcp.platform.config.PlatformConfig;
import dev.atlmcp.platform.atlassian.AtlassianException;

/**
 * Enforces the project (Jira) and space (Confluence) allow-lists and the result cap in the service layer, failing
 * closed: searches are confined with {@link QueryScope}, and items outside the lists answer exactly like items that do
 * not exist.
 */
@ApplicationScoped
public class ScopePolicy {

    private final PlatformConfig.Policy policy;

    ScopePolicy(PlatformConfig server) {
        this.policy = server.policy();
    }

    public String scopeJql(String jql) {
        return policy.projects().map(keys -> QueryScope.restrict(jql, "jql", "project", keys)).orElse(jql);
    }

    public String scopeCql(String cql) {
        return policy.spaces().map(keys -> QueryScope.restrict(cql, "cql", "space", keys)).orElse(cql);
    }

    /** Throws {@code notFound} unless {@code projectKey} is allowed. */
    public void requireProject(String projectKey, AtlassianException notFound) {
        require(policy.projects(), projectKey, notFound);
    }

    /** Whether the project allow-list (if any) admits {@code projectKey}. */
    public boolean allowsProject(String projectKey) {
        return allows(policy.projects(), projectKey);
    }

    /** Throws {@code notFound} unless {@code spaceKey} is allowed. */
    public void requireSpace(String spaceKey, AtlassianException notFound) {
        require(policy.spaces(), spaceKey, notFound);
    }

    /** Whether the space allow-list (if any) admits {@code spaceKey}. */
    public boolean allowsSpace(String spaceKey) {
        return allows(policy.spaces(), spaceKey);
    }

    /** The label agent writes carry, if the operator wants them marked. */
    public Optional<String> markLabel() {
        return policy.markLabel().map(String::trim).filter(l -> !l.isEmpty());
    }

    /** The number of results to ask for: the caller's limit, at most the configured cap. */
    public int cap(int limit) {
        return Math.min(limit, policy.maxResults());
    }

    private static void require(Optional<List<String>> allowed, String key, AtlassianException notFound) {
        if (!allows(allowed, key)) {
            throw notFound;
        }
    }

    private static boolean allows(Optional<List<String>> allowed, String key) {
        return allowed.isEmpty() || key != null && allowed.get().stream().anyMatch(key::equalsIgnoreCase);
    }
}

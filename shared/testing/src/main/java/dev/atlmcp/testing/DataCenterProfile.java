package dev.atlmcp.testing;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import dev.atlmcp.sandbox.Directory;

/**
 * Points a server at one of the sandbox's Data Center sites with the service account's personal access token. A
 * service's test profile extends it and names the site's context path.
 */
public abstract class DataCenterProfile implements QuarkusTestProfile {

    /** The site's context path in the sandbox, e.g. {@code /jira}. */
    protected abstract String contextPath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("atlassian.url", "${sandbox.url}" + contextPath(), "atlassian.deployment", "datacenter",
                "atlassian.auth.mode", "bearer", "atlassian.auth.token", Directory.BOT.pat());
    }
}

package dev.atlmcp.auth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ConfigValidatorTest {

    record Auth(String mode, Optional<String> email, Optional<String> token) implements AtlassianConfig.Auth {
    }

    record Atlassian(Optional<String> url, String deployment, AtlassianConfig.Auth auth) implements AtlassianConfig {
    }

    record Server(Optional<String> publicUrl) implements ServerConfig {
        @Override
        public String product() {
            return "jira";
        }

        @Override
        public Auth auth() {
            return null;
        }

        @Override
        public Policy policy() {
            return null;
        }
    }

    private static List<String> problems(String url, String deployment, String mode, String email, String token) {
        return ConfigValidator.problems(new Atlassian(Optional.ofNullable(url), deployment, new Auth(mode, Optional
                .ofNullable(email), Optional.ofNullable(token))), new Server(Optional.of("http://localhost:8081")));
    }

    @Test
    void validCloudAndDataCenterSettingsPass() {
        assertTrue(problems("https://acme.atlassian.net", "cloud", "basic", "a@acme.com", "t").isEmpty());
        assertTrue(problems("https://jira.acme.internal/jira", "datacenter", "bearer", null, "pat").isEmpty());
    }

    @Test
    void deploymentIsReadWhateverItsCase() {
        assertTrue(problems("https://jira.acme.internal", "DataCenter", "Bearer", null, "pat").isEmpty());
        assertTrue(new Atlassian(Optional.empty(), "DataCenter", null).isDataCenter());
        assertTrue(!new Atlassian(Optional.empty(), "cloud", null).isDataCenter());
    }

    @Test
    void eachProblemIsOneLineNamingPropertyAndEnvironmentVariable() {
        List<String> problems = problems(null, "server", "token", null, " ");
        assertEquals(List.of(
                "Configuration error: atlassian.url (ATLASSIAN_URL) is required: the base URL of your Atlassian site, "
                        + "e.g. https://acme.atlassian.net or https://jira.acme.internal/jira.",
                "Configuration error: atlassian.deployment (ATLASSIAN_DEPLOYMENT) must be 'cloud' or 'datacenter', "
                        + "got 'server'.",
                "Configuration error: atlassian.auth.mode (ATLASSIAN_AUTH_MODE) must be 'basic' (email + API token) "
                        + "or 'bearer' (Data Center personal access token or OAuth access token), got 'token'.",
                "Configuration error: atlassian.auth.token (ATLASSIAN_AUTH_TOKEN) is required: an API token (Cloud), "
                        + "or a personal access token or password (Data Center)."),
                problems);
    }

    @Test
    void basicModeNeedsAnEmailAndUrlsMustBeHttp() {
        assertEquals(List.of("Configuration error: atlassian.url (ATLASSIAN_URL) must be an http(s) URL with a host, "
                + "got 'ftp://acme'.",
                "Configuration error: atlassian.auth.email (ATLASSIAN_AUTH_EMAIL) is required "
                        + "when atlassian.auth.mode=basic: the account email (Cloud) or username (Data Center)."),
                problems("ftp://acme", "cloud", "basic", null, "t"));
    }
}

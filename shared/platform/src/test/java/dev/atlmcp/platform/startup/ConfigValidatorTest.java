package dev.atlmcp.platform.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.config.ServerConfig;
import dev.atlmcp.platform.config.PlatformConfig;

class ConfigValidatorTest {

    private static final Map<String, String> CLOUD = Map.of("atlassian.url", "https://acme.atlassian.net",
            "atlassian.auth.email", "a@acme.com", "atlassian.auth.token", "t");

    private static final String KEY = "k1=" + "s".repeat(48);

    /** The problems for these settings, with a signing key unless they name one, as the server reads them. */
    private static List<String> problems(Map<String, String> properties) {
        Map<String, String> withKey = new HashMap<>(properties);
        if (!properties.containsKey("mcp.confirm.secret")) {
            withKey.putIfAbsent("mcp.signing.keys", KEY);
        }
        return exactly(withKey);
    }

    private static List<String> exactly(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(AtlassianConfig.class)
                .withMapping(ServerConfig.class).withMapping(PlatformConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test")).build();
        return ConfigValidator.problems(config.getConfigMapping(AtlassianConfig.class), config.getConfigMapping(
                ServerConfig.class), config.getConfigMapping(PlatformConfig.class));
    }

    private static Map<String, String> cloudWith(String... pairs) {
        Map<String, String> properties = new HashMap<>(CLOUD);
        for (int i = 0; i < pairs.length; i += 2) {
            properties.put(pairs[i], pairs[i + 1]);
        }
        return properties;
    }

    @Test
    void validCloudAndDataCenterSettingsPass() {
        assertEquals(List.of(), problems(CLOUD));
        assertEquals(List.of(), problems(Map.of("atlassian.url", "https://jira.acme.internal/jira",
                "atlassian.deployment", "datacenter", "atlassian.auth.mode", "bearer", "atlassian.auth.token", "pat")));
    }

    @Test
    void deploymentAndModeAreReadWhateverTheirCase() {
        assertEquals(List.of(), problems(Map.of("atlassian.url", "https://jira.acme.internal", "atlassian.deployment",
                "DataCenter", "atlassian.auth.mode", "Bearer", "atlassian.auth.token", "pat")));
        assertTrue(config("atlassian.deployment", "DataCenter").isDataCenter());
        assertTrue(!config("atlassian.deployment", "cloud").isDataCenter());
        assertTrue(config("atlassian.auth.mode", "Per-User").isPerUser());
        assertTrue(config("atlassian.auth.mode", "OAuth").isOAuth() && config("atlassian.auth.mode", "oauth")
                .throughGateway(), "OAuth access tokens work only through the API gateway");
    }

    @Test
    void delegatedAccessNeedsNoServiceToken() {
        assertEquals(List.of(), problems(Map.of("atlassian.url", "https://acme.atlassian.net", "atlassian.auth.mode",
                "oauth")));
    }

    private static AtlassianConfig config(String key, String value) {
        return new SmallRyeConfigBuilder().withMapping(AtlassianConfig.class).withSources(new PropertiesConfigSource(
                Map.of(key, value), "test")).build().getConfigMapping(AtlassianConfig.class);
    }

    @Test
    void eachProblemIsOneLineNamingPropertyAndEnvironmentVariable() {
        assertEquals(List.of(
                "Configuration error: atlassian.url (ATLASSIAN_URL) is required: the base URL of your Atlassian site, "
                        + "e.g. https://acme.atlassian.net or https://jira.acme.internal/jira.",
                "Configuration error: atlassian.deployment (ATLASSIAN_DEPLOYMENT) must be 'cloud' or 'datacenter', "
                        + "got 'server'.",
                "Configuration error: atlassian.auth.mode (ATLASSIAN_AUTH_MODE) must be 'basic' (email + API token), "
                        + "'bearer' (Data Center personal access token or OAuth access token), 'per-user' (each "
                        + "caller sends their own token in the X-Atlassian-User-Token header) or 'oauth' (each person "
                        + "connects their own Atlassian account), got 'token'.",
                "Configuration error: atlassian.auth.token (ATLASSIAN_AUTH_TOKEN) is required: an API token (Cloud), "
                        + "or a personal access token or password (Data Center)."),
                problems(Map.of("atlassian.deployment", "server", "atlassian.auth.mode", "token",
                        "atlassian.auth.token", " ")));
    }

    @Test
    void basicModeNeedsAnEmailAndUrlsMustBeHttp() {
        assertEquals(List.of("Configuration error: atlassian.url (ATLASSIAN_URL) must be an http(s) URL with a host, "
                + "got 'ftp://acme'.",
                "Configuration error: atlassian.auth.email (ATLASSIAN_AUTH_EMAIL) is required "
                        + "when atlassian.auth.mode=basic: the account email (Cloud) or username (Data Center)."),
                problems(Map.of("atlassian.url", "ftp://acme", "atlassian.auth.token", "t")));
    }

    @Test
    void perUserModeNeedsNoServiceCredential() {
        assertEquals(List.of(), problems(Map.of("atlassian.url", "https://acme.atlassian.net", "atlassian.auth.mode",
                "per-user")));
    }

    @Test
    void gatewayIsForCloudAndCloudIdsAreUuids() {
        assertEquals(List.of(), problems(cloudWith("atlassian.gateway.enabled", "true", "atlassian.cloud-id",
                "a436116f-02ce-4520-8fbb-7301462a1674")));
        assertEquals(List.of("Configuration error: atlassian.cloud-id (ATLASSIAN_CLOUD_ID) must be the site's cloud "
                + "id (a UUID), got 'acme'; leave it unset to read it from the site.",
                "Configuration error: atlassian.gateway.enabled (ATLASSIAN_GATEWAY_ENABLED) must be false on Data "
                        + "Center: Atlassian's API gateway serves Cloud sites only."),
                problems(cloudWith("atlassian.deployment", "datacenter", "atlassian.gateway.enabled", "true",
                        "atlassian.cloud-id", "acme")));
    }

    @Test
    void tlsFilesMustBeReadableAndComeInPairs(@TempDir Path dir) throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----");
        assertEquals(List.of(), problems(cloudWith("atlassian.tls.ca-bundle", ca.toString())));
        assertEquals(List.of("Configuration error: atlassian.tls.client-cert (ATLASSIAN_TLS_CLIENT_CERT) names a "
                + "file this server cannot read: '" + dir.resolve("missing.pem") + "'.",
                "Configuration error: atlassian.tls.client-key (ATLASSIAN_TLS_CLIENT_KEY) is required with the "
                        + "other: mutual TLS needs both the client certificate and its key."),
                problems(cloudWith("atlassian.tls.client-cert", dir.resolve("missing.pem").toString())));
    }

    @Test
    void proxyAddressIsHostAndPort() {
        assertEquals(List.of(), problems(cloudWith("atlassian.proxy.address", "proxy.acme.internal:3128")));
        assertEquals(List.of("Configuration error: atlassian.proxy.address (ATLASSIAN_PROXY_ADDRESS) must be "
                + "host:port, got 'http://proxy:3128'."), problems(
                        cloudWith("atlassian.proxy.address",
                                "http://proxy:3128")));
    }

    @Test
    void policyKeysMustBePlainAndTheCapPositive() {
        assertEquals(List.of(),
                problems(cloudWith("mcp.policy.projects", "OPS,WEB", "mcp.policy.spaces", "ENG,~jdoe")));
        assertEquals(List.of("Configuration error: mcp.policy.projects (MCP_POLICY_PROJECTS) must list keys such as "
                + "OPS or ~jdoe, got 'OPS\") OR (\"x'.",
                "Configuration error: mcp.policy.write-guard (MCP_POLICY_WRITE_GUARD) must be 'none' or 'own' (writes "
                        + "only to the caller's own issues or pages), got 'mine'.",
                "Configuration error: mcp.policy.max-results (MCP_POLICY_MAX_RESULTS) must be at least 1, got 0."),
                problems(cloudWith("mcp.policy.projects", "OPS\") OR (\"x", "mcp.policy.max-results", "0",
                        "mcp.policy.write-guard", "mine")));
    }

    @Test
    void aConfirmationSecretMustBeLongEnough() {
        assertEquals(List.of("Configuration error: mcp.confirm.secret (MCP_CONFIRM_SECRET) must be at least 32 "
                + "characters (a random string, the same on every replica)."), problems(
                        cloudWith("mcp.confirm.secret",
                                "short")));
        assertEquals(List.of(), problems(cloudWith("mcp.confirm.secret", "x".repeat(32))));
    }

    @Test
    void aServerThatCanWriteNeedsASigningKey() {
        Map<String, String> noKey = new HashMap<>(CLOUD);
        assertEquals(List.of("Configuration error: mcp.signing.keys (MCP_SIGNING_KEYS) is required for a server that "
                + "can write: it signs the change records undo relies on and the confirmation tokens; set the same "
                + "name=secret on every replica, e.g. MCP_SIGNING_KEYS=k1=$(openssl rand -base64 48), or set "
                + "MCP_POLICY_READ_ONLY=true."), exactly(noKey));
        noKey.put("mcp.policy.read-only", "true");
        assertEquals(List.of(), exactly(noKey), "a read-only server signs nothing");
        assertEquals(List.of(), exactly(cloudWith("mcp.confirm.secret", "c".repeat(32))),
                "MCP_CONFIRM_SECRET still works as the signing key");
    }

    @Test
    void signingKeysMustBeNamedLongAndDistinct() {
        assertEquals(List.of(
                "Configuration error: mcp.signing.keys (MCP_SIGNING_KEYS) key 'short' must have a secret of at least "
                        + "32 characters (e.g. openssl rand -base64 48).",
                "Configuration error: mcp.signing.keys (MCP_SIGNING_KEYS) must list keys as name=secret with a name "
                        + "of letters, digits, - or _ (up to 32), got an entry without one.",
                "Configuration error: mcp.signing.keys (MCP_SIGNING_KEYS) names key 'k1' twice."),
                exactly(cloudWith("mcp.signing.keys", "short=abc,=" + "x".repeat(40) + "," + KEY + "," + KEY)));
        assertEquals(List.of(), exactly(cloudWith("mcp.signing.keys", "k2=" + "n".repeat(40) + "," + KEY)));
    }

    @Test
    void linkHostsAreHostNames() {
        assertEquals(List.of(),
                problems(cloudWith("mcp.policy.link-hosts", "github.com,*.acme.com,grafana.ops.acme.com")));
        assertEquals(List.of("Configuration error: mcp.policy.link-hosts (MCP_POLICY_LINK_HOSTS) must list host names "
                + "such as github.com or *.acme.com, got 'https://github.com'.",
                "Configuration error: mcp.policy.link-hosts (MCP_POLICY_LINK_HOSTS) must list host names such as "
                        + "github.com or *.acme.com, got '*'."),
                problems(cloudWith("mcp.policy.link-hosts", "https://github.com,*")));
    }
}

package dev.atlmcp.auth.delegated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.config.ServerConfig;

/** Start-up with delegated access stops with one line per missing or malformed setting. */
class DelegatedAccessCheckTest {

    private static final String KEY = "k1=" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    private static final Map<String, String> COMPLETE = Map.of("atlassian.url", "https://acme.atlassian.net",
            "atlassian.auth.mode", "oauth", "atlassian.oauth.client-id", "app", "atlassian.oauth.client-secret",
            "secret", "atlassian.oauth.scopes", "read:jira-work", "mcp.vault.keys", KEY);

    @Test
    void aCompleteCloudSetUpPasses() {
        assertEquals(List.of(), problems(COMPLETE, "jdbc:postgresql://db/vault", "mcp-connect"));
    }

    @Test
    void eachMissingPieceIsOneLineSayingWhatToSet() {
        Map<String, String> missing = new HashMap<>(COMPLETE);
        missing.remove("atlassian.oauth.client-secret");
        missing.remove("mcp.vault.keys");
        missing.put("atlassian.oauth.scopes", " ");
        assertEquals(List.of("Configuration error: atlassian.oauth.client-secret (ATLASSIAN_OAUTH_CLIENT_SECRET) is "
                + "required with atlassian.auth.mode=oauth: that app's secret.",
                "Configuration error: mcp.connect.client-id (MCP_CONNECT_CLIENT_ID) is required with "
                        + "atlassian.auth.mode=oauth: this server's client at your identity provider, for the connect "
                        + "page's sign-in (docs/delegated-access.md).",
                "Configuration error: quarkus.datasource.jdbc.url (QUARKUS_DATASOURCE_JDBC_URL) is required with "
                        + "atlassian.auth.mode=oauth: the PostgreSQL database of the token vault, e.g. "
                        + "jdbc:postgresql://db.acme.internal:5432/mcp_vault.",
                "Configuration error: mcp.vault.keys (MCP_VAULT_KEYS) is required: at least one key id=base64 of 32 "
                        + "random bytes, e.g. from 'echo \"1=$(openssl rand -base64 32)\"'.",
                "Configuration error: atlassian.oauth.scopes (ATLASSIAN_OAUTH_SCOPES) is required: the Atlassian "
                        + "scopes to ask for."),
                problems(missing, null, null));
    }

    @Test
    void aDataCenterSetUpPassesWithTheProvidersWriteOrReadScope() {
        Map<String, String> settings = new HashMap<>(COMPLETE);
        settings.put("atlassian.deployment", "datacenter");
        settings.put("atlassian.url", "https://jira.acme.internal/jira");
        assertEquals(List.of(), problems(settings, "jdbc:postgresql://db/vault", "mcp-connect"));
        settings.put("atlassian.oauth.data-center-scopes", "READ");
        assertEquals(List.of(), problems(settings, "jdbc:postgresql://db/vault", "mcp-connect"));
        settings.put("atlassian.oauth.data-center-scopes", "SYSTEM_ADMIN");
        assertEquals(List.of("Configuration error: atlassian.oauth.data-center-scopes "
                + "(ATLASSIAN_OAUTH_DATA_CENTER_SCOPES) must be WRITE (which includes READ) or READ: the tools need no "
                + "more of Data Center's OAuth 2.0 provider."), problems(settings, "jdbc:postgresql://db/vault",
                        "mcp-connect"));
    }

    @Test
    void signInSwitchedOffIsRefused() {
        Map<String, String> settings = new HashMap<>(COMPLETE);
        settings.put("mcp.auth.enabled", "false");
        List<String> problems = problems(settings, "jdbc:postgresql://db/vault", "mcp-connect");
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.get(0).contains("mcp.auth.enabled (MCP_AUTH_ENABLED) must be true"), problems::toString);
    }

    @Test
    void otherModesNeedNothingOfThis() {
        assertEquals(List.of(), problems(Map.of("atlassian.auth.mode", "basic"), null, null));
    }

    private static List<String> problems(Map<String, String> properties, String database, String connectClient) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(AtlassianConfig.class).withMapping(
                ServerConfig.class).withMapping(DelegatedConfig.class).withSources(new PropertiesConfigSource(
                        properties, "test"))
                .build();
        return new DelegatedAccessCheck(config.getConfigMapping(AtlassianConfig.class), config.getConfigMapping(
                ServerConfig.class), config.getConfigMapping(DelegatedConfig.class), Optional.ofNullable(database),
                Optional.ofNullable(connectClient)).problems();
    }
}

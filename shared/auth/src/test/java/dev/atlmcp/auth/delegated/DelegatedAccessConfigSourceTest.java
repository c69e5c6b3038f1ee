package dev.atlmcp.auth.delegated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class DelegatedAccessConfigSourceTest {

    private static SmallRyeConfig config(Map<String, String> settings) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(settings, "test", 100))
                .withSources(new DelegatedAccessConfigSource()).build();
    }

    @Test
    void theConnectPagesSignInGoesThroughTheIdentityProvidersProxyToo() {
        SmallRyeConfig config = config(Map.of("atlassian.auth.mode", "oauth", "quarkus.oidc.proxy.host",
                "egress-proxy.acme.internal", "quarkus.oidc.proxy.port", "3128", "quarkus.oidc.proxy.username", "mcp",
                "quarkus.oidc.proxy.password", "proxy-secret"));
        assertEquals("egress-proxy.acme.internal", config.getRawValue("quarkus.oidc.connect.proxy.host"));
        assertEquals("3128", config.getRawValue("quarkus.oidc.connect.proxy.port"));
        assertEquals("mcp", config.getRawValue("quarkus.oidc.connect.proxy.username"));
        assertEquals("proxy-secret", config.getRawValue("quarkus.oidc.connect.proxy.password"));
    }

    /**
     * Replicas restarted one at a time during a vault key rotation must still read each other's sign-in cookies, so
     * their key does not come from the vault keys; it changes with the connect client's secret.
     */
    @Test
    void theSignInCookiesKeyOutlivesAVaultKeyRotation() {
        String k1 = "k1=" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String k2 = "k2=" + java.util.Base64.getEncoder().encodeToString("k2-k2-k2-k2-k2-k2-k2-k2-k2-k2-k2-".getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        String before = cookieKey(k1, "connect-secret");
        assertEquals(64, before.length());
        assertEquals(before, cookieKey(k1 + "," + k2, "connect-secret"));
        assertEquals(before, cookieKey(k2 + "," + k1, "connect-secret"));
        assertEquals(before, cookieKey(k2, "connect-secret"));
        assertEquals(before, config(Map.of("atlassian.auth.mode", "oauth", "mcp.vault.keys", k1,
                "mcp.connect.client-secret", "connect-secret")).getRawValue(
                        "quarkus.oidc.connect.authentication.state-secret"));
        org.junit.jupiter.api.Assertions.assertNotEquals(before, cookieKey(k1, "another-secret"));
    }

    private static String cookieKey(String vaultKeys, String connectSecret) {
        return config(Map.of("atlassian.auth.mode", "oauth", "mcp.vault.keys", vaultKeys, "mcp.connect.client-secret",
                connectSecret)).getRawValue("quarkus.oidc.connect.token-state-manager.encryption-secret");
    }

    @Test
    void withoutAProxyTheConnectTenantHasNone() {
        assertNull(config(Map.of("atlassian.auth.mode", "oauth")).getRawValue("quarkus.oidc.connect.proxy.host"));
    }
}

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

    @Test
    void withoutAProxyTheConnectTenantHasNone() {
        assertNull(config(Map.of("atlassian.auth.mode", "oauth")).getRawValue("quarkus.oidc.connect.proxy.host"));
    }
}

package dev.atlmcp.jira;

import static dev.atlmcp.testing.Mcp.call;
import static dev.atlmcp.testing.Mcp.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.testing.Mcp;
import dev.atlmcp.testing.Mcp.Transport;
import dev.atlmcp.testing.SandboxReset;

/** Internal Data Center networks: an HTTP proxy in front of the site, and a site on HTTPS requiring mutual TLS. */
class OutboundNetworkTest {

    /** The site's name does not resolve here; only the proxy (the sandbox) can reach it. */
    @QuarkusTest
    @TestProfile(ThroughProxy.Profile.class)
    static class ThroughProxy extends SandboxReset {

        public static class Profile implements QuarkusTestProfile {
            @Override
            public Map<String, String> getConfigOverrides() {
                return Map.of("atlassian.url", "http://jira.acme.invalid", "atlassian.proxy.address",
                        "${sandbox.address}");
            }
        }

        @Test
        void callsGoThroughTheProxy() {
            Mcp.Result result = call(Transport.STREAMABLE, "jira_get_issue", Map.of("issue_key", "OPS-1"));
            assertFalse(result.isError(), () -> text(result));
            List<Sandbox.LoggedRequest> log = Mcp.sandbox().requestLog();
            assertTrue(!log.isEmpty() && log.stream().allMatch(Sandbox.LoggedRequest::proxied), log::toString);
        }
    }

    /** A site whose certificate an internal CA signed and that requires this server's client certificate. */
    @QuarkusTest
    @TestProfile(MutualTls.Profile.class)
    static class MutualTls extends SandboxReset {

        public static class Profile implements QuarkusTestProfile {
            @Override
            public Map<String, String> getConfigOverrides() {
                return Map.of("atlassian.url", "${sandbox.https-url}", "atlassian.tls.ca-bundle", "${sandbox.tls.ca}",
                        "atlassian.tls.client-cert", "${sandbox.tls.client-cert}", "atlassian.tls.client-key",
                        "${sandbox.tls.client-key}");
            }
        }

        @Test
        void callsUseTheCustomTrustAndTheClientCertificate() {
            Mcp.Result result = call(Transport.SSE, "jira_search", Map.of("jql", "project = OPS", "limit", 1));
            assertFalse(result.isError(), () -> text(result));
            assertTrue(Mcp.sandbox().requests().contains("POST /rest/api/3/search/jql 200"));
        }
    }

    /** The same site without the CA bundle: the JVM does not trust it, and the caller learns what to configure. */
    @QuarkusTest
    @TestProfile(UntrustedSite.Profile.class)
    static class UntrustedSite extends SandboxReset {

        public static class Profile implements QuarkusTestProfile {
            @Override
            public Map<String, String> getConfigOverrides() {
                return Map.of("atlassian.url", "${sandbox.https-url}");
            }
        }

        @Test
        void anUntrustedCertificateIsAClearToolError() {
            assertEquals("Cannot open a trusted TLS connection to Atlassian. Check that ATLASSIAN_TLS_CA_BUNDLE holds "
                    + "the CA that signed the site's certificate and, if the site requires a client certificate, set "
                    + "ATLASSIAN_TLS_CLIENT_CERT and ATLASSIAN_TLS_CLIENT_KEY.",
                    text(call(Transport.STREAMABLE,
                            "jira_get_issue", Map.of("issue_key", "OPS-1"))));
        }
    }
}

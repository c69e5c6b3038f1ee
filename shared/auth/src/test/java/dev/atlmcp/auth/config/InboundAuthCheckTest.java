package dev.atlmcp.auth.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class InboundAuthCheckTest {

    @Test
    void authenticationMayBeOffOnlyOnLoopback() {
        assertTrue(InboundAuthCheck.problems(true, "0.0.0.0").isEmpty());
        assertTrue(InboundAuthCheck.problems(false, "127.0.0.1").isEmpty());
        assertTrue(InboundAuthCheck.problems(false, "localhost").isEmpty());
        assertTrue(InboundAuthCheck.problems(false, "::1").isEmpty());
        assertEquals(List.of("Configuration error: mcp.auth.enabled (MCP_AUTH_ENABLED) may be false only when the "
                + "server listens on a loopback address (QUARKUS_HTTP_HOST=127.0.0.1), but it listens on 0.0.0.0; "
                + "anyone who can reach it would act with the server's Atlassian credentials. Keep inbound "
                + "authentication on, or bind to 127.0.0.1."), InboundAuthCheck.problems(false, "0.0.0.0"));
    }
}

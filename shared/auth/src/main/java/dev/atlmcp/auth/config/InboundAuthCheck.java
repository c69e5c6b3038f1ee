package dev.atlmcp.auth.config;

import java.util.List;
import java.util.Set;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Running without inbound authentication is allowed only on a loopback address. */
@Singleton
public class InboundAuthCheck implements ConfigCheck {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private final ServerConfig server;
    private final String host;

    InboundAuthCheck(ServerConfig server,
            @ConfigProperty(name = "quarkus.http.host", defaultValue = "0.0.0.0") String host) {
        this.server = server;
        this.host = host;
    }

    @Override
    public List<String> problems() {
        return problems(server.auth().enabled(), host);
    }

    static List<String> problems(boolean authEnabled, String host) {
        if (authEnabled || LOOPBACK.contains(host.trim().toLowerCase(java.util.Locale.ROOT))) {
            return List.of();
        }
        return List.of(ConfigCheck.problem("mcp.auth.enabled", "may be false only when the server listens on a "
                + "loopback address (QUARKUS_HTTP_HOST=127.0.0.1), but it listens on " + host + "; anyone who can "
                + "reach it would act with the server's Atlassian credentials. Keep inbound authentication on, or "
                + "bind to 127.0.0.1"));
    }
}

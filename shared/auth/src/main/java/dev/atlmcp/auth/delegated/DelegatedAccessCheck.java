package dev.atlmcp.auth.delegated;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.config.ConfigCheck;
import dev.atlmcp.auth.config.ServerConfig;

/** What delegated access ({@code ATLASSIAN_AUTH_MODE=oauth}) needs before the server may start. */
@Singleton
public class DelegatedAccessCheck implements ConfigCheck {

    private final AtlassianConfig atlassian;
    private final ServerConfig server;
    private final DelegatedConfig config;
    private final Optional<String> database;
    private final Optional<String> connectClient;

    DelegatedAccessCheck(AtlassianConfig atlassian, ServerConfig server, DelegatedConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> database,
            @ConfigProperty(name = "mcp.connect.client-id") Optional<String> connectClient) {
        this.atlassian = atlassian;
        this.server = server;
        this.config = config;
        this.database = database;
        this.connectClient = connectClient;
    }

    @Override
    public List<String> problems() {
        if (!atlassian.isOAuth()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        if (!server.auth().enabled()) {
            problems.add(ConfigCheck.problem("mcp.auth.enabled", "must be true with atlassian.auth.mode=oauth: "
                    + "each call acts as the signed-in person"));
        }
        required(config.clientId(), "atlassian.oauth.client-id", "the client id of your OAuth 2.0 (3LO) app in "
                + "Atlassian's developer console", problems);
        required(config.clientSecret(), "atlassian.oauth.client-secret", "that app's secret", problems);
        required(connectClient, "mcp.connect.client-id", "this server's client at your identity provider, for the "
                + "connect page's sign-in (docs/delegated-access.md)", problems);
        required(database, "quarkus.datasource.jdbc.url", "the PostgreSQL database of the token vault, e.g. "
                + "jdbc:postgresql://db.acme.internal:5432/mcp_vault", problems);
        VaultKeys.problems(server.vault().keys()).forEach(p -> problems.add(ConfigCheck.problem("mcp.vault.keys",
                p)));
        if (atlassian.isDataCenter()) {
            if (!List.of("READ", "WRITE").containsAll(config.dataCenterScopes())
                    || config.dataCenterScopes().size() != 1) {
                problems.add(ConfigCheck.problem("atlassian.oauth.data-center-scopes", "must be WRITE (which includes "
                        + "READ) or READ: the tools need no more of Data Center's OAuth 2.0 provider"));
            }
        } else if (config.scopes().orElse(List.of()).stream().allMatch(String::isBlank)) {
            problems.add(ConfigCheck.problem("atlassian.oauth.scopes", "is required: the Atlassian scopes to ask "
                    + "for"));
        }
        return problems;
    }

    private static void required(Optional<String> value, String property, String what, List<String> problems) {
        if (value.map(String::isBlank).orElse(true)) {
            problems.add(ConfigCheck.problem(property, "is required with atlassian.auth.mode=oauth: " + what));
        }
    }
}

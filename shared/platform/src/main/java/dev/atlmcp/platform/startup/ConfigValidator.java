package dev.atlmcp.platform.startup;

import dev.atlmcp.auth.config.AtlassianConfig;
import dev.atlmcp.auth.config.ConfigCheck;
import dev.atlmcp.auth.config.ServerConfig;
import dev.atlmcp.platform.config.PlatformConfig;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

import dev.atlmcp.platform.policy.QueryScope;
import dev.atlmcp.platform.signing.KeyRing;

/**
 * Checks the configuration at start-up and stops the server with one line per problem, naming the property and its
 * environment variable.
 */
@Singleton
public class ConfigValidator {

    private static final int MAX_UPLOAD = 7_000_000;
    private static final Pattern CLOUD_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    void onStart(@Observes StartupEvent event, AtlassianConfig atlassian, Instance<ServerConfig> server,
            Instance<PlatformConfig> platform, Instance<ConfigCheck> serviceChecks) {
        List<String> problems = problems(atlassian, server.get(), platform.get());
        serviceChecks.forEach(check -> problems.addAll(check.problems()));
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("\n", problems));
        }
    }

    static List<String> problems(AtlassianConfig atlassian, ServerConfig server, PlatformConfig platform) {
        List<String> problems = new ArrayList<>();
        if (atlassian.url().isEmpty() || atlassian.url().get().isBlank()) {
            problems.add(ConfigCheck.problem("atlassian.url", "is required: the base URL of your Atlassian site, e.g. "
                    + "https://acme.atlassian.net or https://jira.acme.internal/jira"));
        } else {
            httpUrl("atlassian.url", atlassian.url().get(), problems);
        }
        String deployment = atlassian.deployment().toLowerCase(Locale.ROOT);
        if (!deployment.equals("cloud") && !deployment.equals("datacenter")) {
            problems.add(ConfigCheck.problem("atlassian.deployment", "must be 'cloud' or 'datacenter', got '"
                    + atlassian.deployment() + "'"));
        }
        String mode = atlassian.auth().mode().toLowerCase(Locale.ROOT);
        if (!mode.equals("basic") && !mode.equals("bearer") && !mode.equals("per-user") && !mode.equals("oauth")) {
            problems.add(ConfigCheck.problem("atlassian.auth.mode",
                    "must be 'basic' (email + API token), 'bearer' (Data Center "
                            + "personal access token or OAuth access token), 'per-user' (each caller sends their own "
                            + "token in the X-Atlassian-User-Token header) or 'oauth' (each person connects their own "
                            + "Atlassian account), got '" + atlassian.auth().mode() + "'"));
        }
        if (mode.equals("basic") && blank(atlassian.auth().email().orElse(null))) {
            problems.add(ConfigCheck.problem("atlassian.auth.email",
                    "is required when atlassian.auth.mode=basic: the account "
                            + "email (Cloud) or username (Data Center)"));
        }
        if (!mode.equals("per-user") && !mode.equals("oauth") && blank(atlassian.auth().token().orElse(null))) {
            problems.add(ConfigCheck.problem("atlassian.auth.token",
                    "is required: an API token (Cloud), or a personal access "
                            + "token or password (Data Center)"));
        }
        atlassian.cloudId().filter(id -> !CLOUD_ID.matcher(id.trim()).matches()).ifPresent(id -> problems.add(
                ConfigCheck.problem("atlassian.cloud-id",
                        "must be the site's cloud id (a UUID), got '" + id + "'; leave it "
                                + "unset to read it from the site")));
        if (atlassian.gateway().enabled() && atlassian.isDataCenter()) {
            problems.add(ConfigCheck.problem("atlassian.gateway.enabled",
                    "must be false on Data Center: Atlassian's API "
                            + "gateway serves Cloud sites only"));
        }
        if (atlassian.throughGateway()) {
            httpUrl("atlassian.gateway.url", atlassian.gateway().url(), problems);
        }
        tls(atlassian.tls(), problems);
        atlassian.proxy().address().filter(a -> !a.trim().matches("[^\\s:/]+:[0-9]{1,5}")).ifPresent(a -> problems
                .add(ConfigCheck.problem("atlassian.proxy.address", "must be host:port, got '" + a + "'")));
        server.publicUrl().ifPresent(url -> httpUrl("mcp.public-url", url, problems));
        keys("mcp.policy.projects", platform.policy().projects(), problems);
        keys("mcp.policy.spaces", platform.policy().spaces(), problems);
        String guard = platform.policy().writeGuard().toLowerCase(Locale.ROOT);
        if (!guard.equals("none") && !guard.equals("own")) {
            problems.add(ConfigCheck.problem("mcp.policy.write-guard",
                    "must be 'none' or 'own' (writes only to the caller's own "
                            + "issues or pages), got '" + platform.policy().writeGuard() + "'"));
        }
        platform.policy().markLabel().filter(label -> !label.trim().matches("[^\\s]{1,255}"))
                .ifPresent(label -> problems
                        .add(ConfigCheck.problem("mcp.policy.mark-label",
                                "must be one label without spaces, got '" + label + "'")));
        platform.confirm().secret().filter(secret -> secret.length() < 32)
                .ifPresent(secret -> problems.add(ConfigCheck.problem(
                        "mcp.confirm.secret",
                        "must be at least 32 characters (a random string, the same on every replica)")));
        platform.policy().linkHosts().ifPresent(hosts -> hosts.stream().filter(h -> !h.trim().toLowerCase(Locale.ROOT)
                .matches("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"))
                .forEach(h -> problems
                        .add(ConfigCheck.problem("mcp.policy.link-hosts",
                                "must list host names such as github.com or *.acme.com, "
                                        + "got '" + h + "'"))));
        KeyRing.problems(platform.signing().keys())
                .forEach(p -> problems.add(ConfigCheck.problem("mcp.signing.keys", p)));
        if (!platform.policy().readOnly() && KeyRing.keys(platform.signing().keys(), platform.confirm().secret())
                .isEmpty()) {
            problems.add(ConfigCheck.problem("mcp.signing.keys",
                    "is required for a server that can write: it signs the change "
                            + "records undo relies on and the confirmation tokens; set the same name=secret on every replica, "
                            + "e.g. MCP_SIGNING_KEYS=k1=$(openssl rand -base64 48), or set MCP_POLICY_READ_ONLY=true"));
        }
        if (platform.policy().maxUploadBytes() < 1 || platform.policy().maxUploadBytes() > MAX_UPLOAD) {
            problems.add(ConfigCheck.problem("mcp.policy.max-upload-bytes", "must be between 1 and " + MAX_UPLOAD
                    + " bytes (a file's base64 must fit one 10 MB MCP message), got " + platform.policy()
                            .maxUploadBytes()));
        }
        if (platform.policy().maxResults() < 1) {
            problems.add(ConfigCheck.problem("mcp.policy.max-results", "must be at least 1, got " + platform.policy()
                    .maxResults()));
        }
        return problems;
    }

    private static void keys(String property, Optional<List<String>> keys, List<String> problems) {
        keys.ifPresent(list -> list.stream().filter(k -> !QueryScope.validKey(k))
                .forEach(k -> problems.add(ConfigCheck.problem(
                        property, "must list keys such as OPS or ~jdoe, got '" + k + "'"))));
    }

    private static void tls(AtlassianConfig.Tls tls, List<String> problems) {
        readable("atlassian.tls.ca-bundle", tls.caBundle(), problems);
        readable("atlassian.tls.client-cert", tls.clientCert(), problems);
        readable("atlassian.tls.client-key", tls.clientKey(), problems);
        if (tls.clientCert().isPresent() != tls.clientKey().isPresent()) {
            problems.add(
                    ConfigCheck.problem(
                            tls.clientCert().isPresent() ? "atlassian.tls.client-key" : "atlassian.tls.client-cert",
                            "is required with the other: mutual TLS needs both the client certificate and its key"));
        }
    }

    private static void readable(String property, Optional<String> file, List<String> problems) {
        file.filter(f -> !Files.isReadable(Path.of(f.trim()))).ifPresent(f -> problems.add(ConfigCheck.problem(property,
                "names a file this server cannot read: '" + f + "'")));
    }

    private static void httpUrl(String property, String value, List<String> problems) {
        try {
            URI uri = URI.create(value.trim());
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                problems.add(ConfigCheck.problem(property, "must be an http(s) URL with a host, got '" + value + "'"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(ConfigCheck.problem(property, "is not a valid URL: '" + value + "'"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

package dev.atlmcp.auth.config;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Checks the configuration at start-up and stops the server with one line per problem, naming the property and its
 * environment variable.
 */
@Singleton
public class ConfigValidator {

    void onStart(@Observes StartupEvent event, AtlassianConfig atlassian, Instance<ServerConfig> server,
            Instance<ConfigCheck> serviceChecks) {
        List<String> problems = problems(atlassian, server.get());
        serviceChecks.forEach(check -> problems.addAll(check.problems()));
        if (!problems.isEmpty()) {
            throw new ConfigurationException(String.join("\n", problems));
        }
    }

    static List<String> problems(AtlassianConfig atlassian, ServerConfig server) {
        List<String> problems = new ArrayList<>();
        if (atlassian.url().isEmpty() || atlassian.url().get().isBlank()) {
            problems.add(problem("atlassian.url", "is required: the base URL of your Atlassian site, e.g. "
                    + "https://acme.atlassian.net or https://jira.acme.internal/jira"));
        } else {
            httpUrl("atlassian.url", atlassian.url().get(), problems);
        }
        String deployment = atlassian.deployment().toLowerCase(Locale.ROOT);
        if (!deployment.equals("cloud") && !deployment.equals("datacenter")) {
            problems.add(problem("atlassian.deployment", "must be 'cloud' or 'datacenter', got '"
                    + atlassian.deployment() + "'"));
        }
        String mode = atlassian.auth().mode().toLowerCase(Locale.ROOT);
        if (!mode.equals("basic") && !mode.equals("bearer")) {
            problems.add(problem("atlassian.auth.mode", "must be 'basic' (email + API token) or 'bearer' "
                    + "(Data Center personal access token or OAuth access token), got '" + atlassian.auth().mode()
                    + "'"));
        }
        if (mode.equals("basic") && blank(atlassian.auth().email().orElse(null))) {
            problems.add(problem("atlassian.auth.email", "is required when atlassian.auth.mode=basic: the account "
                    + "email (Cloud) or username (Data Center)"));
        }
        if (blank(atlassian.auth().token().orElse(null))) {
            problems.add(problem("atlassian.auth.token", "is required: an API token (Cloud), or a personal access "
                    + "token or password (Data Center)"));
        }
        server.publicUrl().ifPresent(url -> httpUrl("mcp.public-url", url, problems));
        return problems;
    }

    private static void httpUrl(String property, String value, List<String> problems) {
        try {
            URI uri = URI.create(value.trim());
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                problems.add(problem(property, "must be an http(s) URL with a host, got '" + value + "'"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(problem(property, "is not a valid URL: '" + value + "'"));
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** One line naming the property and its environment variable, e.g. for a {@link ConfigCheck}. */
    public static String problem(String property, String text) {
        String env = property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        return "Configuration error: " + property + " (" + env + ") " + text + ".";
    }
}

package dev.atlmcp.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.atlmcp.sandbox.oidc.DevTokenIssuer;

/**
 * Runs the sandbox on its own: {@code java -jar sandbox-standalone.jar [--host H] [--port P] [--audience URL]...
 * [--token-file F] [--credentials-file F]}. Prints the seeded people, their credentials and a ready dev access token;
 * the files receive the service account's credentials and the token (written last: once the token file exists, both are
 * complete and the sandbox is up).
 */
public final class SandboxMain {

    private SandboxMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        String host = "127.0.0.1";
        int port = 8090;
        List<String> audiences = new ArrayList<>();
        Path tokenFile = null;
        Path credentialsFile = null;
        Path tokensDir = null;
        Path vaultFile = null;
        List<String> connecting = new ArrayList<>();
        long hourlyLimit = 0;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
            case "--host" -> host = require(args[i], value);
            case "--port" -> port = parsePort(require(args[i], value));
            case "--audience" -> audiences.addAll(Arrays.asList(require(args[i], value).split(",")));
            case "--token-file" -> tokenFile = Path.of(require(args[i], value));
            case "--credentials-file" -> credentialsFile = Path.of(require(args[i], value));
            case "--tokens-dir" -> tokensDir = Path.of(require(args[i], value));
            case "--vault-database" -> vaultFile = Path.of(require(args[i], value));
            case "--connect" -> connecting.add(require(args[i], value).replaceAll("/+$", ""));
            case "--cloud-hourly-limit" -> hourlyLimit = parseLimit(require(args[i], value));
            case "--help", "-h" -> {
                System.out.println("Usage: java -jar sandbox-standalone.jar [--host 127.0.0.1] [--port 8090] "
                        + "[--audience http://localhost:8081/mcp]... [--token-file FILE] [--tokens-dir DIR] "
                        + "[--credentials-file FILE] [--connect http://localhost:8081]... [--vault-database FILE] "
                        + "[--cloud-hourly-limit N]\n"
                        + "  --tokens-dir      a dev access token for each seeded person, in a file named by username\n"
                        + "  --connect         an MCP server's public URL whose connect pages the 3LO app and the sign-in "
                        + "client accept\n"
                        + "  --vault-database  starts an embedded PostgreSQL and writes QUARKUS_DATASOURCE_JDBC_URL=... "
                        + "to FILE\n"
                        + "  --cloud-hourly-limit  the requests per hour Cloud's rate-limit headers count down from "
                        + "(default 100000; near the end the servers slow down, as they do on a real site)");
                return;
            }
            default -> fail("Unknown option " + args[i] + " (try --help)");
            }
            i++;
        }
        if (audiences.isEmpty()) {
            audiences.add("http://localhost:8081/mcp");
        }
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(new Sandbox.Options(host, port, audiences));
            if (hourlyLimit > 0) {
                sandbox.cloudHourlyLimit(hourlyLimit);
            }
        } catch (IOException e) {
            fail("Cannot listen on " + host + ":" + port + ": " + e.getMessage() + " (choose another --port)");
            return;
        }
        String token = sandbox.issuer().accessToken(Directory.JANE, DevTokenIssuer.DEFAULT_SCOPES,
                Duration.ofHours(12));
        if (credentialsFile != null) {
            Files.writeString(credentialsFile, credentials(Directory.BOT));
        }
        if (tokenFile != null) {
            Files.writeString(tokenFile, token);
        }
        if (tokensDir != null) {
            Files.createDirectories(tokensDir);
            for (SandboxUser person : List.of(Directory.JANE, Directory.BOB, Directory.PRIYA)) {
                Files.writeString(tokensDir.resolve(person.username()), sandbox.issuer().accessToken(person,
                        DevTokenIssuer.DEFAULT_SCOPES, Duration.ofHours(12)));
            }
        }
        List<String> callbacks = connecting.stream().map(url -> url + "/connect/atlassian/callback").toList();
        sandbox.atlassianAuth().callbacks(callbacks);
        sandbox.dataCenterAuth().forEach(provider -> provider.callbacks(callbacks));
        sandbox.issuer().connectRedirects(connecting.stream().map(url -> url + "/connect/signed-in").toList());
        if (vaultFile != null) {
            VaultDatabase vault = VaultDatabase.create();
            Runtime.getRuntime().addShutdownHook(new Thread(vault::close));
            Files.writeString(vaultFile, "QUARKUS_DATASOURCE_JDBC_URL=" + vault.jdbcUrl() + "\n");
        }
        System.out.println(banner(sandbox, token));
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        Thread.currentThread().join();
    }

    static String banner(Sandbox sandbox, String token) {
        StringBuilder out = new StringBuilder();
        out.append("Atlassian sandbox listening on ").append(sandbox.url()).append('\n');
        out.append("  Cloud site:        ").append(sandbox.url()).append("   (Jira; Confluence under /wiki; Compass ")
                .append("at /gateway/api/graphql; Basic email:apiToken)\n");
        out.append("  Jira Data Center:  ").append(sandbox.url()).append(Sandbox.DATACENTER_JIRA)
                .append("   (Bearer PAT or Basic username:password)\n");
        out.append("  Confluence DC:     ").append(sandbox.url()).append(Sandbox.DATACENTER_CONFLUENCE)
                .append("   (Bearer PAT or Basic username:password)\n");
        out.append("  Dev token issuer:  ").append(sandbox.issuer().issuer()).append("   (client ")
                .append(DevTokenIssuer.CLIENT_ID).append(" / ").append(DevTokenIssuer.CLIENT_SECRET).append(")\n");
        out.append("  Control API:       ").append(sandbox.url()).append("/_sandbox/{faults,reset,requests}\n\n");
        out.append(String.format("  %-22s %-24s %-10s %-20s %-18s%n", "person", "email", "username", "API token",
                "PAT"));
        for (SandboxUser u : Directory.all()) {
            out.append(String.format("  %-22s %-24s %-10s %-20s %-18s%n", u.displayName(), u.email(), u.username(),
                    u.apiToken(), u.pat()));
        }
        out.append("\nDev access token for ").append(Directory.JANE.displayName()).append(" (12 h):\n").append(token);
        return out.toString();
    }

    /** The service account's Cloud credentials as environment assignments a shell can source. */
    static String credentials(SandboxUser account) {
        return "ATLASSIAN_AUTH_EMAIL=" + account.email() + "\nATLASSIAN_AUTH_TOKEN=" + account.apiToken() + "\n";
    }

    private static String require(String option, String value) {
        if (value == null) {
            fail(option + " needs a value");
        }
        return value;
    }

    private static int parsePort(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            fail("--port must be a number, got " + value);
            return -1;
        }
    }

    private static long parseLimit(String value) {
        try {
            long limit = Long.parseLong(value);
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        fail("--cloud-hourly-limit must be a positive number, got " + value);
        return -1;
    }

    private static void fail(String message) {
        System.err.println("sandbox: " + message);
        System.exit(2);
    }
}

package dev.atlmcp.testing;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.SandboxTestResource;
import dev.atlmcp.sandbox.Sandbox;

/**
 * A server as its packaged jar (system property {@code server.jar}, set by the module's failsafe configuration) in a
 * process of its own, against a sandbox, for tests that need real processes: replicas, restarts, the sign-in chain.
 */
public final class ServerProcess {

    private ServerProcess() {
    }

    /** Starts the jar on {@code port} with the sandbox as Atlassian site and token issuer; logs to target/. */
    public static Process start(Sandbox sandbox, int port, String publicUrl, String logName) throws IOException {
        return start(sandbox, port, publicUrl, logName, Map.of());
    }

    /** The same with more environment variables, e.g. log levels. */
    public static Process start(Sandbox sandbox, int port, String publicUrl, String logName,
            Map<String, String> extraEnv) throws IOException {
        return start(sandbox, port, publicUrl, logName, extraEnv, false);
    }

    /** The same, adding to the log file of an earlier run of the same name if {@code appendLog}. */
    public static Process start(Sandbox sandbox, int port, String publicUrl, String logName,
            Map<String, String> extraEnv, boolean appendLog) throws IOException {
        String jar = System.getProperty("server.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Dquarkus.http.port=" + port, "-jar", jar);
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("ATLASSIAN_URL", sandbox.url());
        env.put("ATLASSIAN_AUTH_EMAIL", Directory.BOT.email());
        env.put("ATLASSIAN_AUTH_TOKEN", Directory.BOT.apiToken());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", sandbox.issuer().issuer());
        env.put("MCP_PUBLIC_URL", publicUrl);
        env.put("MCP_SIGNING_KEYS", SandboxTestResource.TEST_SIGNING_KEY);
        env.put("MCP_POLICY_LINK_HOSTS", SandboxTestResource.TEST_LINK_HOSTS);
        // every tool, as in the in-process tests; ToolSetsContract tests the default sets
        env.put("MCP_TOOLSETS", "all");
        env.putAll(extraEnv);
        File log = new File(new File(jar).getParentFile().getParentFile(), logName + ".log");
        builder.redirectErrorStream(true).redirectOutput(appendLog ? ProcessBuilder.Redirect.appendTo(log)
                : ProcessBuilder.Redirect.to(log));
        return builder.start();
    }

    public static void awaitHealthy(URI server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.resolve("/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Server " + server + " did not become ready within 60 s");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

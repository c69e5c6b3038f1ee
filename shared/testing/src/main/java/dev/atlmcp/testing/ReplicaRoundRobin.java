package dev.atlmcp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.mcp.server.test.McpAssured;
import io.quarkiverse.mcp.server.test.McpAssured.McpStreamableTestClient;

import dev.atlmcp.sandbox.Directory;
import dev.atlmcp.sandbox.Sandbox;
import dev.atlmcp.sandbox.SandboxControl;
import dev.atlmcp.sandbox.SandboxUser;
import dev.atlmcp.sandbox.oidc.DevTokenIssuer;

/**
 * Two replicas of a server, configured the way its Kubernetes Deployment configures a pod, behind a plain round-robin
 * balancer without session affinity: the environment of {@code k8s/<server>/kubernetes.yml} (with its JVM options) and
 * the base ConfigMap's settings, listening on all interfaces, reached under a public URL that is not the pod's, one
 * confirmation secret for all replicas, and credentials and issuer as the Secret and overlay would give them (here the
 * sandbox's).
 */
public final class ReplicaRoundRobin implements AutoCloseable {

    private final Sandbox sandbox;
    private final RoundRobinProxy proxy;
    private final List<Process> replicas = new ArrayList<>();
    private final List<URI> backends;
    private final String server;
    private final List<Map<String, String>> environments = new ArrayList<>();

    private ReplicaRoundRobin(String server, Map<String, String> settings) throws Exception {
        this.server = server;
        backends = List.of(URI.create("http://127.0.0.1:" + ServerProcess.freePort()), URI.create(
                "http://127.0.0.1:" + ServerProcess.freePort()));
        // Bound at once on a port of its own choosing: a port picked first and bound after the replicas' start-up
        // can be taken meanwhile by one of the many connections made during it.
        proxy = new RoundRobinProxy(backends, 0);
        String publicUrl = "http://localhost:" + proxy.port();
        try {
            sandbox = Sandbox.start(new Sandbox.Options("127.0.0.1", 0, List.of(publicUrl + "/mcp")));
        } catch (Exception e) {
            proxy.close();
            throw e;
        }
        Map<String, String> env = podEnvironment(server);
        env.put("MCP_PUBLIC_URL", publicUrl); // in place of the ConfigMap's placeholder, as an overlay sets it
        env.put("MCP_CONFIRM_SECRET", "one-secret-shared-by-every-replica-of-the-server");
        env.put("QUARKUS_HTTP_HOST", "0.0.0.0");
        settings.forEach((name, value) -> env.put(name, value.replace("${sandbox.url}", sandbox.url())));
        try {
            for (int i = 0; i < backends.size(); i++) {
                environments.add(new HashMap<>(env));
                replicas.add(ServerProcess.start(sandbox, backends.get(i).getPort(), publicUrl, server + "-replica-"
                        + i, env));
            }
            for (URI backend : backends) {
                ServerProcess.awaitHealthy(backend);
            }
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** Starts the replicas of {@code server} (e.g. {@code jira-mcp}) and the balancer in front of them. */
    public static ReplicaRoundRobin start(String server) throws Exception {
        return new ReplicaRoundRobin(server, Map.of());
    }

    /**
     * The same with more settings, as environment variables of both replicas; {@code ${sandbox.url}} in a value stands
     * for the sandbox's address.
     */
    public static ReplicaRoundRobin start(String server, Map<String, String> settings) throws Exception {
        return new ReplicaRoundRobin(server, settings);
    }

    /** An MCP session through the balancer, signed in as Jane, after checking the server's name. */
    public McpStreamableTestClient session(String serverName) {
        String token = sandbox.issuer().accessToken(Directory.JANE, DevTokenIssuer.DEFAULT_SCOPES, Duration.ofMinutes(
                10));
        return McpAssured.newStreamableClient().setBaseUri(URI.create("http://localhost:" + proxy.port()))
                .setAdditionalHeaders(Mcp.bearer(token)).build()
                .connect(init -> assertEquals(serverName, init.serverName()));
    }

    /**
     * One step of a rolling restart: stops replica {@code index}, then starts it again with these settings changed
     * ({@code ${sandbox.url}} stands for the sandbox's address) and waits until it is ready; the other replica keeps
     * serving meanwhile. Its log goes on in the same file.
     */
    public void restart(int index, Map<String, String> changes) throws Exception {
        Process old = replicas.get(index);
        old.destroy();
        if (!old.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            old.destroyForcibly().waitFor();
        }
        Map<String, String> env = environments.get(index);
        changes.forEach((name, value) -> env.put(name, value.replace("${sandbox.url}", sandbox.url())));
        replicas.set(index, ServerProcess.start(sandbox, backends.get(index).getPort(), publicUrl(), server
                + "-replica-" + index, env, true));
        ServerProcess.awaitHealthy(backends.get(index));
    }

    /** Replica {@code index} itself, not through the balancer. */
    public URI replica(int index) {
        return backends.get(index);
    }

    /** The public URL both replicas serve under: the balancer's. */
    public String publicUrl() {
        return "http://localhost:" + proxy.port();
    }

    /** A bearer token of the sandbox's identity provider for this person, with every scope. */
    public String token(SandboxUser person) {
        return sandbox.issuer().accessToken(person, DevTokenIssuer.DEFAULT_SCOPES, Duration.ofMinutes(30));
    }

    /** The sandbox both replicas call, in this process. */
    public Sandbox site() {
        return sandbox;
    }

    /** The control API of the sandbox both replicas call. */
    public SandboxControl sandbox() {
        return new SandboxControl(sandbox.url());
    }

    /** Both replicas answered parts of the session. */
    public void assertBothReplicasServed(int atLeastRequests) {
        assertTrue(proxy.served.contains(0) && proxy.served.contains(1), "both replicas served: " + proxy.served);
        assertTrue(proxy.served.size() >= atLeastRequests, "requests went through the balancer: " + proxy.served);
    }

    @Override
    public void close() {
        replicas.forEach(Process::destroy);
        proxy.close();
        sandbox.close();
    }

    /**
     * The literal environment variables of the server's generated Deployment and of its base ConfigMap;
     * {@code JAVA_OPTS_APPEND} becomes {@code JAVA_TOOL_OPTIONS}, which the JVM reads itself (the container image's
     * start script reads the former).
     */
    private static Map<String, String> podEnvironment(String server) {
        Path k8s = Path.of("..", "k8s", server);
        Map<String, String> env = new HashMap<>();
        try {
            for (JsonNode doc : KubernetesManifests.objects(k8s.resolve("kubernetes.yml"))) {
                if ("Deployment".equals(doc.path("kind").asText())) {
                    doc.at("/spec/template/spec/containers/0/env").forEach(var -> {
                        if (var.has("value")) {
                            env.put(var.path("name").asText(), var.path("value").asText());
                        }
                    });
                }
            }
            JsonNode kustomization = KubernetesManifests.objects(k8s.resolve("kustomization.yaml")).get(0);
            kustomization.path("configMapGenerator").forEach(generator -> generator.path("literals").forEach(
                    literal -> {
                        String[] pair = literal.asText().split("=", 2);
                        env.put(pair[0], pair[1]);
                    }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String javaOpts = env.remove("JAVA_OPTS_APPEND");
        assertTrue(javaOpts != null && javaOpts.contains("MaxRAMPercentage"), "k8s/" + server
                + "/kubernetes.yml sets the JVM options");
        env.put("JAVA_TOOL_OPTIONS", javaOpts);
        return env;
    }
}

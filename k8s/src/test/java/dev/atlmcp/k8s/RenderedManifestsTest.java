package dev.atlmcp.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.atlmcp.testing.RegistryEntries;

/**
 * Renders every kustomization under {@code k8s/} the way an operator does ({@code kubectl kustomize}) and checks that
 * each object is valid against the Kubernetes API schema and that the objects fit together: selectors, references,
 * hardening, the public URL, the network policy's parameters and the registry entries.
 */
class RenderedManifestsTest {

    private static final List<String> SERVERS = List.of("jira-mcp", "confluence-mcp", "compass-mcp");
    private static final Set<String> PUBLIC_PATHS = Set.of("/mcp", "/.well-known/oauth-protected-resource");
    private static final List<String> PLACEHOLDERS = List.of("PUBLIC_HOST", "TLS_ISSUER", "INGRESS_NAMESPACE",
            "MONITORING_NAMESPACE", "192.0.2.1/32", "192.0.2.2/32", "192.0.2.3/32");
    /** What delegated access needs from the Secret, each read by name. */
    private static final List<String> DELEGATED_SECRETS = List.of("ATLASSIAN_OAUTH_CLIENT_SECRET",
            "MCP_CONNECT_CLIENT_SECRET", "MCP_VAULT_KEYS", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = { "jira-mcp", "confluence-mcp", "compass-mcp", "overlays/prod", "overlays/dev",
            "overlays/sites", "overlays/prod/jira-mcp", "overlays/dev/compass-mcp" })
    void everyObjectIsValidAgainstTheKubernetesSchemas(String dir) {
        List<ObjectNode> objects = Kustomize.render(dir);
        assertFalse(objects.isEmpty(), dir + " renders nothing");
        objects.forEach(KubernetesSchemas::validate);
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/prod", "overlays/dev", "overlays/sites" })
    void overlaysRenderDeployableServers(String dir) {
        List<ObjectNode> objects = Kustomize.render(dir);
        String text = objects.toString();
        PLACEHOLDERS.forEach(p -> assertFalse(text.contains(p), dir + " still holds the placeholder " + p));
        assertFalse(text.contains("registry.example.com"), dir + " names the placeholder image registry");
        assertTrue(of(objects, "Parameters").isEmpty(), "parameters are never deployed");

        Map<String, ObjectNode> deployments = byName(of(objects, "Deployment"));
        assertFalse(deployments.isEmpty());
        for (ObjectNode deployment : deployments.values()) {
            String name = name(deployment);
            checkHardened(deployment);
            assertSelects(deployment.at("/spec/selector/matchLabels"), deployment, "the Deployment's own selector");
            for (String kind : List.of("Service", "PodDisruptionBudget", "NetworkPolicy", "HorizontalPodAutoscaler",
                    "Ingress")) {
                assertTrue(byName(of(objects, kind)).containsKey(name), name + " has no " + kind + " of its name");
            }
            assertEquals(name + "-credentials", container(deployment).at("/envFrom/0/secretRef/name").asText(),
                    name + " reads its credentials from the Secret " + name + "-credentials");
            JsonNode config = config(objects, deployment);
            Ingress ingress = Ingress.of(byName(of(objects, "Ingress")).get(name));
            assertEquals("https://" + ingress.host, config.path("MCP_PUBLIC_URL").asText(),
                    name + ": the public URL (OAuth resource identifier) is the Ingress host");
            assertEquals(ingress.host + "-tls", ingress.tlsSecret, "each certificate in a Secret of its own");
            assertEquals(Set.of(ingress.host), ingress.tlsHosts);
            Set<String> published = new HashSet<>(PUBLIC_PATHS);
            if (delegated(config)) {
                published.add("/connect");
            }
            assertEquals(published, ingress.paths.keySet(), name + ": only the MCP endpoints (and with delegated "
                    + "access the connect pages) are public");
            ingress.paths.values().forEach(backend -> assertEquals(name + ":http", backend));
            assertEquals("off", ingress.annotations.path("nginx.ingress.kubernetes.io/proxy-buffering").asText(),
                    "SSE is not buffered");
            assertFalse(ingress.annotations.path("cert-manager.io/cluster-issuer").asText().isBlank());
            assertEquals(name, byName(of(objects, "HorizontalPodAutoscaler")).get(name).at(
                    "/spec/scaleTargetRef/name").asText());
        }
        for (String kind : List.of("Service", "PodDisruptionBudget", "NetworkPolicy")) {
            for (ObjectNode selecting : of(objects, kind)) {
                JsonNode selector = switch (kind) {
                case "Service" -> selecting.at("/spec/selector");
                case "NetworkPolicy" -> selecting.at("/spec/podSelector/matchLabels");
                default -> selecting.at("/spec/selector/matchLabels");
                };
                List<String> selected = deployments.values().stream().filter(d -> selects(selector, d)).map(
                        RenderedManifestsTest::name).toList();
                assertEquals(List.of(name(selecting)), selected, kind + " " + name(selecting)
                        + " selects exactly the pods of its own Deployment");
            }
        }
        for (ObjectNode policy : of(objects, "NetworkPolicy")) {
            assertEquals(List.of("Ingress", "Egress"), texts(policy.at("/spec/policyTypes")));
            assertEquals("http", policy.at("/spec/ingress/0/ports/0/port").asText(), "only the MCP port is open");
            boolean delegated = delegated(config(objects, deployments.get(name(policy))));
            assertEquals(delegated ? 4 : 3, policy.at("/spec/egress").size(), "egress: DNS, Atlassian, the identity "
                    + "provider" + (delegated ? " and the vault's database" : ""));
        }
    }

    /**
     * A server acting as each person reads every secret delegated access needs by name from its own Secret (a missing
     * one stops the pod instead of starting a server without it), keeps none in its ConfigMap, and may reach the
     * vault's database on the port its JDBC URL names, and nothing else beyond DNS, Atlassian and the identity
     * provider.
     */
    @Test
    void delegatedAccessReadsItsSecretsByNameAndReachesTheVaultsDatabase() {
        List<ObjectNode> objects = Kustomize.render("overlays/prod");
        Map<String, ObjectNode> deployments = byName(of(objects, "Deployment"));
        for (String server : SERVERS) {
            ObjectNode deployment = deployments.get(server);
            JsonNode config = config(objects, deployment);
            assertTrue(delegated(config), server + ": production acts as each person");
            for (String setting : List.of("ATLASSIAN_OAUTH_CLIENT_ID", "MCP_CONNECT_CLIENT_ID",
                    "QUARKUS_DATASOURCE_JDBC_URL")) {
                assertFalse(config.path(setting).asText().isBlank(), server + " sets " + setting);
            }
            Map<String, JsonNode> env = new HashMap<>();
            container(deployment).path("env").forEach(e -> env.put(e.path("name").asText(), e));
            for (String secret : DELEGATED_SECRETS) {
                assertFalse(config.has(secret), server + ": " + secret + " is not in the ConfigMap");
                JsonNode ref = env.getOrDefault(secret, JSON.createObjectNode()).at("/valueFrom/secretKeyRef");
                assertEquals(server + "-credentials", ref.path("name").asText(), server + " reads " + secret
                        + " from its Secret");
                assertEquals(secret, ref.path("key").asText());
                assertFalse(ref.path("optional").asBoolean(false), secret + " is required");
            }
            String jdbc = config.path("QUARKUS_DATASOURCE_JDBC_URL").asText();
            java.util.regex.Matcher port = java.util.regex.Pattern.compile("^jdbc:postgresql://[^/:]+:(\\d+)/").matcher(
                    jdbc);
            assertTrue(port.find(), server + ": the JDBC URL names host and port: " + jdbc);
            JsonNode database = byName(of(objects, "NetworkPolicy")).get(server).at("/spec/egress/3");
            assertEquals(port.group(1), database.at("/ports/0/port").asText(), server
                    + ": egress to the database's port");
            assertTrue(database.at("/to/0/ipBlock/cidr").asText().matches("[0-9.]+/\\d+"), database.toString());
        }
    }

    private static boolean delegated(JsonNode config) {
        return "oauth".equals(config.path("ATLASSIAN_AUTH_MODE").asText());
    }

    @Test
    void productionPinsTheApprovedToolsOfTheRegistryEntries() throws IOException {
        List<ObjectNode> objects = Kustomize.render("overlays/prod");
        for (String server : SERVERS) {
            JsonNode entry = JSON.readTree(registry().resolve(server).resolve("server.json").toFile());
            String digest = entry.at("/_meta/io.modelcontextprotocol.registry~1publisher-provided/toolsDigest")
                    .asText();
            assertEquals(digest, config(objects, byName(of(objects, "Deployment")).get(server)).path(
                    "MCP_APPROVED_TOOLS").asText(), "k8s/overlays/prod/" + server + "/config.env: MCP_APPROVED_TOOLS "
                            + "is the toolsDigest of registry/" + server + "/server.json");
        }
    }

    @Test
    void eachSiteIsItsOwnServerWithItsOwnRegistryEntries(@TempDir Path out) throws IOException {
        List<ObjectNode> objects = Kustomize.render("overlays/sites");
        Map<String, ObjectNode> deployments = byName(of(objects, "Deployment"));
        assertEquals(Set.of("jira-mcp-eu", "jira-mcp-us"), deployments.keySet());
        Set<String> sites = new HashSet<>();
        for (ObjectNode deployment : deployments.values()) {
            String name = name(deployment);
            String site = name.substring(name.lastIndexOf('-') + 1);
            JsonNode config = config(objects, deployment);
            assertEquals(name, config.path("QUARKUS_MCP_SERVER_SERVER_INFO_NAME").asText(),
                    "the server calls itself by its deployment's name");
            assertTrue(sites.add(config.path("ATLASSIAN_URL").asText()), "one site per deployment");

            Path rendered = out.resolve(site);
            Kustomize.run("bash", registry().resolve("render").toString(), "com.acme", "mcp.acme.example",
                    rendered.toString(), site);
            Path serverJson = rendered.resolve(name).resolve("server.json");
            RegistryEntries.assertValid(serverJson, "mcp-registry-server.schema.2025-12-11.json");
            RegistryEntries.assertValid(rendered.resolve("mcp-registry.json"), "kiro-mcp-registry.schema.json");
            String url = config.path("MCP_PUBLIC_URL").asText() + "/mcp";
            JsonNode entry = JSON.readTree(serverJson.toFile());
            assertEquals("com.acme/" + name, entry.path("name").asText());
            assertEquals(url, entry.at("/remotes/0/url").asText());
            JsonNode allowList = JSON.readTree(rendered.resolve("mcp-registry.json").toFile());
            List<String> names = new ArrayList<>();
            allowList.path("servers").forEach(s -> names.add(s.at("/server/name").asText()));
            assertTrue(names.contains(name), "the Kiro allow-list names " + name + " like its serverInfo");
            JsonNode kiro = JSON.readTree(rendered.resolve("kiro-mcp.json").toFile()).at("/mcpServers/" + name);
            assertEquals(url, kiro.path("url").asText());
        }
    }

    @Test
    void theSchemaCheckRejectsWhatKubernetesWouldReject() {
        ObjectNode deployment = Kustomize.render("jira-mcp").stream().filter(o -> o.path("kind").asText().equals(
                "Deployment")).findFirst().orElseThrow();
        KubernetesSchemas.validate(deployment);
        ObjectNode misspelt = deployment.deepCopy();
        ((ObjectNode) misspelt.get("spec")).put("replica", 2);
        AssertionError unknown = assertThrows(AssertionError.class, () -> KubernetesSchemas.validate(misspelt));
        assertTrue(unknown.getMessage().contains("replica"), unknown.getMessage());
        ObjectNode nameless = deployment.deepCopy();
        ((ObjectNode) nameless.at("/spec/template/spec/containers/0")).remove("name");
        assertThrows(AssertionError.class, () -> KubernetesSchemas.validate(nameless));
        ObjectNode unknownKind = deployment.deepCopy().put("kind", "Deploymnet");
        assertThrows(AssertionError.class, () -> KubernetesSchemas.validate(unknownKind));
    }

    private static void checkHardened(ObjectNode deployment) {
        String name = name(deployment);
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = container(deployment);
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), name + " runs as non-root");
        assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText());
        assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), name + " needs no API token");
        JsonNode security = container.path("securityContext");
        assertTrue(security.path("readOnlyRootFilesystem").asBoolean(), name + " has a read-only root filesystem");
        assertFalse(security.path("allowPrivilegeEscalation").asBoolean(true), name + " cannot escalate");
        assertEquals(List.of("ALL"), texts(security.at("/capabilities/drop")));
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertTrue(container.at("/" + probe + "/httpGet/path").asText().startsWith("/q/health/"), name + " "
                    + probe);
        }
        for (String resource : List.of("/resources/requests/cpu", "/resources/requests/memory",
                "/resources/limits/memory")) {
            assertFalse(container.at(resource).asText().isBlank(), name + " sets " + resource);
        }
        assertEquals("/tmp", container.at("/volumeMounts/0/mountPath").asText(), "/tmp is writable");
    }

    /** The data of the ConfigMap the Deployment takes its environment from. */
    private static JsonNode config(List<ObjectNode> objects, ObjectNode deployment) {
        String configMap = container(deployment).at("/envFrom/1/configMapRef/name").asText();
        ObjectNode found = byName(of(objects, "ConfigMap")).get(configMap);
        assertTrue(found != null, name(deployment) + " reads the ConfigMap " + configMap + ", which is not rendered");
        return found.path("data");
    }

    private static JsonNode container(ObjectNode deployment) {
        return deployment.at("/spec/template/spec/containers/0");
    }

    private static void assertSelects(JsonNode selector, ObjectNode deployment, String what) {
        assertTrue(selects(selector, deployment), name(deployment) + ": " + what + " selects its pods");
    }

    private static boolean selects(JsonNode selector, ObjectNode deployment) {
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        if (selector.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> label : selector.properties()) {
            if (!label.getValue().asText().equals(labels.path(label.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static List<ObjectNode> of(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    private static Map<String, ObjectNode> byName(List<ObjectNode> objects) {
        Map<String, ObjectNode> named = new HashMap<>();
        objects.forEach(o -> named.put(name(o), o));
        return named;
    }

    private static String name(JsonNode object) {
        return object.at("/metadata/name").asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    private static Path registry() {
        return Kustomize.ROOT.resolveSibling("registry");
    }

    /** What a rendered Ingress publishes. */
    private record Ingress(String host, Set<String> tlsHosts, String tlsSecret, Map<String, String> paths,
            JsonNode annotations) {

        static Ingress of(ObjectNode ingress) {
            assertEquals(1, ingress.at("/spec/rules").size(), "one host per server");
            Map<String, String> paths = new HashMap<>();
            ingress.at("/spec/rules/0/http/paths").forEach(p -> paths.put(p.path("path").asText(), p.at(
                    "/backend/service/name").asText() + ":" + p.at("/backend/service/port/name").asText()));
            return new Ingress(ingress.at("/spec/rules/0/host").asText(), new HashSet<>(texts(ingress.at(
                    "/spec/tls/0/hosts"))), ingress.at("/spec/tls/0/secretName").asText(), paths, ingress.at(
                            "/metadata/annotations"));
        }
    }
}

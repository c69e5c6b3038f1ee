package dev.atlmcp.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.mcp.server.ToolManager;
import io.quarkus.arc.Arc;

import dev.atlmcp.platform.manifest.ApprovedTools;
import dev.atlmcp.platform.manifest.ToolManifest;

/**
 * The client registry entries in {@code registry/} for one server, checked against the running server: its MCP Registry
 * {@code server.json} (valid against the 2025-12-11 schema, named {@code <namespace>/<server>}, the Maven version, and
 * the digests of exactly these tools), its entry in the Kiro allow-list {@code mcp-registry.json} (valid against Kiro's
 * schema, named like {@code serverInfo.name}) and in the Kiro {@code .kiro/settings/mcp.json} example
 * ({@code autoApprove} only read-only tools). A tool changed without its entries fails; after reviewing the change,
 * {@code -Dregistry.update=true} writes the entries anew.
 */
public final class RegistryEntries {

    /**
     * The placeholders {@code registry/render} replaces with an organisation's namespace and domain: each server has
     * its own host, {@code https://<server>.<domain>}, as the Kubernetes Ingress in {@code k8s/} serves it.
     */
    public static final String NAMESPACE = "com.example.mcp";
    public static final String DOMAIN = "example.com";

    private static final Path DIR = Path.of("..", "registry");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RegistryEntries() {
    }

    /**
     * Checks the entries of the server under test (its tools and {@code quarkus.application.version}).
     *
     * @param server
     *            the server's name, e.g. {@code jira-mcp}
     */
    public static void assertMatch(String server, String title, String description) {
        String version = ConfigProvider.getConfig().getValue("quarkus.application.version", String.class);
        ToolManifest manifest = Arc.container().instance(ToolManifest.class).get();
        ToolManager tools = Arc.container().instance(ToolManager.class).get();
        ObjectNode serverJson = serverJson(server, title, description, version, manifest);
        ObjectNode allowListEntry = JSON.createObjectNode();
        allowListEntry.putObject("server").put("name", server).put("title", title).put("description", description)
                .put("version", version).putArray("remotes").addObject().put("type", "streamable-http").put("url",
                        url(server));
        ObjectNode kiroEntry = JSON.createObjectNode().put("url", url(server));
        kiroEntry.putObject("headers").put("Authorization",
                "Bearer ${" + server.toUpperCase(Locale.ROOT).replace('-', '_')
                        + "_TOKEN}");
        ArrayNode autoApprove = kiroEntry.putArray("autoApprove");
        readOnly(tools).forEach(autoApprove::add);

        Path serverFile = DIR.resolve(server).resolve("server.json");
        Path allowListFile = DIR.resolve("mcp-registry.json");
        Path kiroFile = DIR.resolve("kiro-mcp.json");
        ObjectNode allowList = read(allowListFile, "{\"servers\":[]}");
        ObjectNode kiro = read(kiroFile, "{\"mcpServers\":{}}");
        ArrayNode servers = (ArrayNode) allowList.get("servers");
        JsonNode listed = null;
        for (int i = 0; i < servers.size(); i++) {
            if (server.equals(servers.get(i).path("server").path("name").asText())) {
                listed = servers.get(i);
            }
        }
        if (Boolean.getBoolean("registry.update")) {
            write(serverFile, serverJson);
            if (listed != null) {
                servers.remove(indexOf(servers, listed));
            }
            servers.add(allowListEntry);
            List<JsonNode> sorted = new ArrayList<>();
            servers.forEach(sorted::add);
            sorted.sort((a, b) -> a.path("server").path("name").asText().compareTo(b.path("server").path("name")
                    .asText()));
            servers.removeAll();
            servers.addAll(sorted);
            write(allowListFile, allowList);
            ((ObjectNode) kiro.get("mcpServers")).set(server, kiroEntry);
            write(kiroFile, kiro);
            return;
        }
        String update = " is out of date with the server's tools; review the change, then run ./mvnw verify -pl "
                + server + " -Dtest=RegistryEntryTest -Dregistry.update=true";
        assertValid(serverFile, "mcp-registry-server.schema.2025-12-11.json");
        assertValid(allowListFile, "kiro-mcp-registry.schema.json");
        assertEquals(serverJson, read(serverFile, "{}"), serverFile + update);
        assertEquals(allowListEntry, listed, allowListFile + update);
        assertEquals(kiroEntry, kiro.path("mcpServers").path(server), kiroFile + update);
        Set<String> readOnly = Set.copyOf(readOnly(tools));
        kiro.path("mcpServers").path(server).path("autoApprove").forEach(tool -> assertTrue(readOnly.contains(tool
                .asText()), "autoApprove lists only read-only tools: " + tool));
    }

    private static ObjectNode serverJson(String server, String title, String description,
            String version, ToolManifest manifest) {
        ObjectNode json = JSON.createObjectNode().put("$schema",
                "https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json")
                .put("name", NAMESPACE + "/" + server).put("title", title).put("description", description).put(
                        "version", version);
        ArrayNode remotes = json.putArray("remotes");
        for (String[] remote : new String[][] { { "streamable-http", url(server) }, { "sse", url(server) + "/sse" } }) {
            remotes.addObject().put("type", remote[0]).put("url", remote[1]).putArray("headers").addObject().put(
                    "name", "Authorization").put("description",
                            "Bearer access token from your identity provider, "
                                    + "issued for this URL")
                    .put("isRequired", true).put("isSecret", true);
        }
        ObjectNode meta = json.putObject("_meta").putObject(ApprovedTools.META).put("toolsDigest", manifest
                .digest());
        ObjectNode digests = meta.putObject("tools");
        manifest.toolDigests().forEach(digests::put);
        return json;
    }

    private static String url(String server) {
        return "https://" + server + "." + DOMAIN + "/mcp";
    }

    private static List<String> readOnly(ToolManager tools) {
        List<String> names = new ArrayList<>();
        tools.forEach(tool -> {
            if (tool.annotations().map(a -> a.readOnlyHint()).orElse(false)) {
                names.add(tool.name());
            }
        });
        return names.stream().sorted().collect(Collectors.toList());
    }

    /** Validates a registry file against one of the schemas in {@code registry-schemas/}. */
    public static void assertValid(Path file, String schema) {
        try (InputStream in = RegistryEntries.class.getResourceAsStream("/registry-schemas/" + schema)) {
            Set<ValidationMessage> errors = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in)
                    .validate(read(file, "{}"));
            assertTrue(errors.isEmpty(), () -> file + " is not valid against " + schema + ": " + errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode read(Path file, String empty) {
        try {
            return (ObjectNode) JSON.readTree(Files.exists(file) ? Files.readString(file) : empty);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, JsonNode json) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(json) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("PMD.CompareObjectsWithEquals") // the position of this very node, not of an equal one
    private static int indexOf(ArrayNode array, JsonNode item) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) == item) {
                return i;
            }
        }
        return -1;
    }
}
